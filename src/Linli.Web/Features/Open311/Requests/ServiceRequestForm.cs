using System.Globalization;
using System.Text.RegularExpressions;
using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Open311.Wire;

namespace Linli.Web.Features.Open311.Requests;

/// <summary>
/// The fields of POST requests as Open311 names them, read from a form. Only what cannot be carried into a
/// <see cref="CaseSubmission"/> is checked here (numbers, attribute keys, the media URL); intake checks the rest.
/// </summary>
public sealed partial record ServiceRequestForm
{
    public const int MaxMediaUrlLength = 2000;
    private const int MaxIdLength = 100;

    public string? ApiKey { get; init; }
    public string? ServiceCode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? AddressString { get; init; }
    public string? AddressId { get; init; }
    public Dictionary<string, IReadOnlyList<string>> Attributes { get; init; } = new(StringComparer.Ordinal);
    public string? Email { get; init; }
    public string? DeviceId { get; init; }
    public string? AccountId { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Phone { get; init; }
    public string? Description { get; init; }
    public Uri? MediaUrl { get; init; }
    public IReadOnlyList<IncomingPhoto> Media { get; init; } = [];

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]+)\](?:\[\])?$")]
    private static partial Regex AttributeKey();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Chinese();

    public static async Task<(ServiceRequestForm Form, List<Open311Error> Errors)> ReadAsync(IFormCollection form, IQueryCollection query, CancellationToken cancellationToken)
    {
        var errors = new List<Open311Error>();
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var key in form.Keys.Where(k => k.StartsWith("attribute", StringComparison.Ordinal)))
        {
            var match = AttributeKey().Match(key);
            if (!match.Success)
            {
                errors.Add(new(400, $"{key}: send answers as attribute[code]=value, or attribute[code][]=value for each value of a multivaluelist"));
                continue;
            }

            var code = match.Groups["code"].Value;
            var values = form[key].Where(v => v is not null).Select(v => v!);
            attributes[code] = attributes.TryGetValue(code, out var earlier) ? [.. earlier, .. values] : [.. values];
        }

        var result = new ServiceRequestForm
        {
            ApiKey = Text(form["api_key"]) ?? Text(query["api_key"]),
            ServiceCode = Text(form["service_code"]),
            Latitude = Number(form, "lat", errors),
            Longitude = Number(form, "long", errors),
            AddressString = Text(form["address_string"]),
            AddressId = Text(form["address_id"]),
            Attributes = attributes,
            Email = Text(form["email"]),
            DeviceId = Identifier(form, "device_id", errors),
            AccountId = Identifier(form, "account_id", errors),
            FirstName = Text(form["first_name"]),
            LastName = Text(form["last_name"]),
            Phone = Text(form["phone"]),
            Description = Text(form["description"]),
            MediaUrl = MediaUrlOf(form, errors),
            Media = await ReportReader.ReadPhotosAsync(form.Files, cancellationToken),
        };
        return (result, errors);
    }

    /// <summary>Chinese names are family name first without a space (吴 + 晓东 = 吴晓东); others given name first.</summary>
    public string? FullName =>
        (FirstName, LastName) switch
        {
            (null, null) => null,
            ({ } first, null) => first,
            (null, { } last) => last,
            ({ } first, { } last) when Chinese().IsMatch(first + last) => last + first,
            ({ } first, { } last) => $"{first} {last}",
        };

    private static string? Text(Microsoft.Extensions.Primitives.StringValues value) =>
        string.IsNullOrWhiteSpace(value.ToString()) ? null : value.ToString().Trim();

    private static double? Number(IFormCollection form, string field, List<Open311Error> errors)
    {
        var text = Text(form[field]);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        errors.Add(new(400, $"{field}: '{text}' is not a number (WGS84 degrees, such as 29.53)"));
        return null;
    }

    private static string? Identifier(IFormCollection form, string field, List<Open311Error> errors)
    {
        var text = Text(form[field]);
        if (text is not null && (text.Length > MaxIdLength || SubmissionRules.LooksLikeHtml(text)))
        {
            errors.Add(new(400, $"{field}: is plain text of at most {MaxIdLength} characters"));
            return null;
        }

        return text;
    }

    private static Uri? MediaUrlOf(IFormCollection form, List<Open311Error> errors)
    {
        var text = Text(form["media_url"]);
        if (text is null)
        {
            return null;
        }

        if (text.Length <= MaxMediaUrlLength && Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return url;
        }

        errors.Add(new(400, $"media_url: is an absolute http or https URL of at most {MaxMediaUrlLength} characters"));
        return null;
    }
}
