using System.Globalization;
using System.Text.Json;
using Linli.Web.Features.Cases.Intake;

namespace Linli.Web.Features.Hazards;

/// <summary>Reads a request body from JSON, or from a form (multipart with <c>photos</c>, or urlencoded) with the same field names.</summary>
public static class HazardRequests
{
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

    public static RecordHazardRequest Record(IFormCollection form) => new(
        form["kind"], form["severity"], form["description"], Code(form), Number(form, "latitude"), Number(form, "longitude"),
        form["address"], form["deadline"], int.TryParse(form["visitId"], NumberStyles.None, CultureInfo.InvariantCulture, out var visit) ? visit : null);

    public static ReportHazardRequest Report(IFormCollection form) => new(
        form["kind"], form["description"], Code(form), Number(form, "latitude"), Number(form, "longitude"), form["address"]);

    public static AssignHazardRequest Assign(IFormCollection form) => new(
        form["responsibleParty"], int.TryParse(form["responsiblePartnerId"], NumberStyles.None, CultureInfo.InvariantCulture, out var partner) ? partner : null,
        form["deadline"], form["severity"], form["note"]);

    public static ReinspectHazardRequest Reinspect(IFormCollection form) => new(
        form["passed"].ToString().Trim().ToLowerInvariant() switch { "true" or "pass" or "passed" => true, "false" or "fail" or "failed" => false, _ => null },
        form["note"], form["deadline"]);

    private static string? Code(IFormCollection form) => string.IsNullOrWhiteSpace(form["nodeCode"]) ? form["node"] : form["nodeCode"];

    private static double? Number(IFormCollection form, string field)
    {
        var text = form[field].ToString();
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new SubmissionRejectedException([new(field, $"{field} must be a number")]);
    }
}
