using Microsoft.Extensions.Options;
using SkiaSharp;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>A photo ready to store: decoded, turned upright, scaled down and re-encoded without any metadata.</summary>
public sealed record ProcessedPhoto(byte[] Content, int Width, int Height)
{
    public const string ContentType = "image/jpeg";
}

/// <summary>
/// Accepts only what decodes as an image, and re-encodes its pixels as a new JPEG: no EXIF, XMP or IPTC survives. A phone
/// photo carries the GPS position of the reporter's home, which must not be stored or shown.
/// </summary>
public sealed class PhotoProcessor(IOptions<CasesOptions> options)
{
    private const int MaxSide = 2048;
    private static readonly SKEncodedImageFormat[] Accepted = [SKEncodedImageFormat.Jpeg, SKEncodedImageFormat.Png, SKEncodedImageFormat.Webp, SKEncodedImageFormat.Gif];

    public IReadOnlyList<ProcessedPhoto> Process(IReadOnlyList<IncomingPhoto> photos, string field, List<SubmissionError> errors)
    {
        var limits = options.Value;
        if (photos.Count > limits.MaxPhotos)
        {
            errors.Add(new(field, $"at most {limits.MaxPhotos} photos"));
            return [];
        }

        var processed = new List<ProcessedPhoto>();
        for (var i = 0; i < photos.Count; i++)
        {
            var photo = photos[i];
            if (photo.Content.Length > limits.MaxPhotoBytes)
            {
                errors.Add(new($"{field}[{i}]", $"a photo may be at most {limits.MaxPhotoBytes / (1024 * 1024)} MB"));
                continue;
            }

            var result = Reencode(photo.Content);
            if (result is null)
            {
                errors.Add(new($"{field}[{i}]", "not an image (JPEG, PNG, WebP or GIF)"));
                continue;
            }

            processed.Add(result);
        }

        return processed;
    }

    private static ProcessedPhoto? Reencode(byte[] content)
    {
        if (content.Length == 0)
        {
            return null;
        }

        using var data = SKData.CreateCopy(content);
        using var codec = SKCodec.Create(data);
        if (codec is null || !Accepted.Contains(codec.EncodedFormat))
        {
            return null;
        }

        using var decoded = SKBitmap.Decode(codec);
        if (decoded is null)
        {
            return null;
        }

        using var upright = Orient(decoded, codec.EncodedOrigin);
        var scale = Math.Min(1.0, (double)MaxSide / Math.Max(upright.Width, upright.Height));
        var width = Math.Max(1, (int)Math.Round(upright.Width * scale));
        var height = Math.Max(1, (int)Math.Round(upright.Height * scale));
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        using var paint = new SKPaint();
        surface.Canvas.DrawBitmap(upright, new SKRect(0, 0, width, height), paint);
        using var image = surface.Snapshot();
        using var jpeg = image.Encode(SKEncodedImageFormat.Jpeg, 85);
        return new ProcessedPhoto(jpeg.ToArray(), width, height);
    }

    /// <summary>Applies the EXIF orientation to the pixels, since the tag itself is dropped.</summary>
    private static SKBitmap Orient(SKBitmap source, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
        {
            return source.Copy();
        }

        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var result = new SKBitmap(swap ? source.Height : source.Width, swap ? source.Width : source.Height);
        using var canvas = new SKCanvas(result);
        canvas.SetMatrix(OrientationMatrix(origin, source.Width, source.Height));
        canvas.DrawBitmap(source, 0, 0);
        return result;
    }

    private static SKMatrix OrientationMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
