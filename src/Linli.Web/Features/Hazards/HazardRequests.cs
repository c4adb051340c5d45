using System.Globalization;
using Linli.Web.Features.Cases.Intake;

namespace Linli.Web.Features.Hazards;

/// <summary>The hazard requests read from a form's fields (the JSON bodies bind directly; see <see cref="ReportReader.ReadAsync{T}"/>).</summary>
public static class HazardRequests
{
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
