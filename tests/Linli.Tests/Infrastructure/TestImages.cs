using System.Text;
using SkiaSharp;

namespace Linli.Tests.Infrastructure;

/// <summary>Images made in the test: a JPEG carrying an EXIF block with a GPS position, as phone cameras write.</summary>
public static class TestImages
{
    public static byte[] Jpeg(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }

    /// <summary>A JPEG with an APP1 "Exif" segment right after SOI, holding a GPS IFD pointer.</summary>
    public static byte[] JpegWithGpsExif(int width, int height)
    {
        var jpeg = Jpeg(width, height);
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, // little-endian TIFF header, IFD0 at 8
            1, 0, // one entry
            0x25, 0x88, 4, 0, 1, 0, 0, 0, 26, 0, 0, 0, // GPSInfo IFD pointer -> 26
            0, 0, 0, 0, // no next IFD
            1, 0, // GPS IFD: one entry
            0, 0, 1, 0, 4, 0, 0, 0, 2, 2, 0, 0, // GPSVersionID 2.2.0.0
            0, 0, 0, 0,
        ];
        var payload = Encoding.ASCII.GetBytes("Exif\0\0").Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)(length & 0xFF), .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    public static bool ContainsExif(byte[] bytes) => bytes.AsSpan().IndexOf("Exif\0\0"u8) >= 0;

    /// <summary>A multipart form with the report's fields (attributes as attributes[code]) and the given files.</summary>
    public static MultipartFormDataContent Form(Dictionary<string, object?> report, params (string Field, string FileName, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in report)
        {
            if (value is Dictionary<string, object> answers)
            {
                foreach (var (code, answer) in answers)
                {
                    form.Add(new StringContent(Convert.ToString(answer, System.Globalization.CultureInfo.InvariantCulture)!), $"attributes[{code}]");
                }
            }
            else if (value is not null)
            {
                form.Add(new StringContent(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!), key);
            }
        }

        foreach (var (field, fileName, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
            form.Add(part, field, fileName);
        }

        return form;
    }
}
