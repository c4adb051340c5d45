using QRCoder;

namespace Linli.Web.Features.Volunteers;

/// <summary>The page a volunteer opens by scanning the leader's phone, and that address drawn as an SVG QR code.</summary>
public static class CheckInCodes
{
    public static string Path(int activityId, string code) => $"/volunteers/check-in/{activityId}?code={code}";

    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(new System.Drawing.Size(320, 320), "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
