using System.Globalization;
using System.Text.Json;
using Linli.Web.Infrastructure;

namespace Linli.Web.Features.Cases.Intake;

/// <summary>The JSON body of <c>POST /api/v1/cases</c>; the multipart form uses the same names plus <c>photos</c> files.</summary>
public sealed record ReportCaseRequest(
    string? Category,
    string? Description,
    double? Latitude,
    double? Longitude,
    string? Address = null,
    string? BuildingCode = null,
    Dictionary<string, JsonElement>? Attributes = null,
    string? Name = null,
    string? Email = null,
    string? Phone = null,
    bool Anonymous = false,
    string? ClientRequestKey = null,
    string? Source = null,
    int? AssociationId = null);

/// <summary>Reads a report from JSON or from a multipart form (with photos) into a <see cref="CaseSubmission"/>.</summary>
public static class ReportReader
{
    /// <summary>Reads a request body from JSON, or from a form (multipart with <c>photos</c>, or urlencoded) with the same field names.</summary>
    public static async Task<(T Body, IReadOnlyList<IncomingPhoto> Photos)> ReadAsync<T>(HttpRequest request, Func<IFormCollection, T> fromForm, CancellationToken cancellationToken)
        where T : class
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return (fromForm(form), await ReportReader.ReadPhotosAsync(form.Files, cancellationToken));
        }

        try
        {
            var body = await request.ReadFromJsonAsync<T>(cancellationToken);
            return (body ?? throw new SubmissionRejectedException([new("body", "The request body is empty.")]), []);
        }
        catch (JsonException e)
        {
            throw new SubmissionRejectedException([new("body", $"The JSON body is malformed: {e.Message}")]);
        }
        catch (InvalidOperationException)
        {
            throw new SubmissionRejectedException([new("body", "Send application/json or a form.")], StatusCodes.Status415UnsupportedMediaType);
        }
    }

    private static readonly CaseSource[] ClientSources = [CaseSource.Web, CaseSource.Api, CaseSource.Staff, CaseSource.Patrol, CaseSource.Volunteer];

    public static async Task<CaseSubmission> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var idempotencyKey = request.Headers["Idempotency-Key"].FirstOrDefault();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            return await FromFormAsync(form, idempotencyKey, cancellationToken);
        }

        ReportCaseRequest? body;
        try
        {
            body = await request.ReadFromJsonAsync<ReportCaseRequest>(cancellationToken);
        }
        catch (JsonException e)
        {
            throw new SubmissionRejectedException([new("body", $"The JSON body is malformed: {e.Message}")]);
        }
        catch (InvalidOperationException)
        {
            throw new SubmissionRejectedException([new("body", "Send the report as application/json or multipart/form-data.")], StatusCodes.Status415UnsupportedMediaType);
        }

        if (body is null)
        {
            throw new SubmissionRejectedException([new("body", "The report is empty.")]);
        }

        return new CaseSubmission
        {
            Category = body.Category,
            Description = body.Description,
            Latitude = body.Latitude,
            Longitude = body.Longitude,
            Address = body.Address,
            BuildingCode = body.BuildingCode,
            Answers = ReadAnswers(body.Attributes),
            Name = body.Name,
            Email = body.Email,
            Phone = body.Phone,
            Anonymous = body.Anonymous,
            ClientRequestKey = idempotencyKey ?? body.ClientRequestKey,
            Source = ReadSource(body.Source, CaseSource.Api),
            VolunteerAssociationId = body.AssociationId,
        };
    }

    private static async Task<CaseSubmission> FromFormAsync(IFormCollection form, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var photos = await ReadPhotosAsync(form.Files, cancellationToken);

        var answers = form.Keys.Where(k => k.StartsWith("attributes[", StringComparison.Ordinal) || k.StartsWith("attribute[", StringComparison.Ordinal))
            .ToDictionary(
                k => k[(k.IndexOf('[', StringComparison.Ordinal) + 1)..].TrimEnd(']').Replace("][]", "", StringComparison.Ordinal).TrimEnd('[', ']'),
                k => (IReadOnlyList<string>)[.. form[k].Where(v => v is not null).Select(v => v!)]);
        return new CaseSubmission
        {
            Category = form["category"],
            Description = form["description"],
            Latitude = ReadNumber(form, "latitude"),
            Longitude = ReadNumber(form, "longitude"),
            Address = form["address"],
            BuildingCode = form["buildingCode"],
            Answers = answers,
            Name = form["name"],
            Email = form["email"],
            Phone = form["phone"],
            Anonymous = form["anonymous"].Any(v => v is "true" or "on" or "1"),
            ClientRequestKey = idempotencyKey ?? form["clientRequestKey"],
            Source = ReadSource(form["source"], CaseSource.Web),
            VolunteerAssociationId = ReadInteger(form, "associationId"),
            Photos = photos,
        };
    }

    /// <summary>
    /// The files of a form sent as <c>photos</c> (or <c>photo</c>, or Open311's <c>media</c>). A browser sends an empty
    /// file input as an empty part with no file name: that is no photo, not a bad one.
    /// </summary>
    public static async Task<List<IncomingPhoto>> ReadPhotosAsync(IFormFileCollection files, CancellationToken cancellationToken)
    {
        var photos = new List<IncomingPhoto>();
        foreach (var file in files.Where(f => f.Name is "photos" or "photo" or "media" && (f.Length > 0 || !string.IsNullOrEmpty(f.FileName))))
        {
            using var buffer = new MemoryStream();
            await file.CopyToAsync(buffer, cancellationToken);
            photos.Add(new IncomingPhoto(file.FileName, file.ContentType, buffer.ToArray()));
        }

        return photos;
    }

    private static double? ReadNumber(IFormCollection form, string field)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SubmissionRejectedException([new(field, "must be a number")]);
    }

    private static int? ReadInteger(IFormCollection form, string field)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new SubmissionRejectedException([new(field, "must be a whole number")]);
    }

    private static CaseSource ReadSource(string? text, CaseSource fallback)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return fallback;
        }

        return EnumNames.TryParse<CaseSource>(text, out var source) && ClientSources.Contains(source)
            ? source
            : throw new SubmissionRejectedException([new("source", $"source must be one of {string.Join(", ", ClientSources).ToLowerInvariant()}")]);
    }

    /// <summary>Answers may be a string, a number, a boolean or a list of strings.</summary>
    public static Dictionary<string, IReadOnlyList<string>> ReadAnswers(Dictionary<string, JsonElement>? attributes)
    {
        var answers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (code, value) in attributes ?? [])
        {
            answers[code] = value.ValueKind switch
            {
                JsonValueKind.Array => [.. value.EnumerateArray().Select(v => Scalar(code, v))],
                JsonValueKind.Null or JsonValueKind.Undefined => [],
                _ => [Scalar(code, value)],
            };
        }

        return answers;

        static string Scalar(string code, JsonElement e) => e.ValueKind switch
        {
            JsonValueKind.String => e.GetString()!,
            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => e.GetRawText(),
            _ => throw new SubmissionRejectedException([new($"attributes.{code}", "an answer is a string, a number or a list of strings")]),
        };
    }
}
