namespace Linli.Web.Features.Cases.Intake;

/// <summary>A photo as it arrived, before it is checked and re-encoded.</summary>
public sealed record IncomingPhoto(string? FileName, string? ContentType, byte[] Content);

/// <summary>
/// A report as every channel (web form, JSON API, staff form, Open311) hands it to <see cref="CaseIntake"/>: already
/// parsed, not yet checked.
/// </summary>
public sealed record CaseSubmission
{
    public string? Category { get; init; }
    public string? Description { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public string? Address { get; init; }
    public string? BuildingCode { get; init; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Answers { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public string? Name { get; init; }
    public string? Email { get; init; }
    public string? Phone { get; init; }
    public bool Anonymous { get; init; }
    public string? ClientRequestKey { get; init; }
    public CaseSource Source { get; init; } = CaseSource.Api;
    public IReadOnlyList<IncomingPhoto> Photos { get; init; } = [];
    public string? Open311ApiKeyName { get; init; }

    /// <summary>With source Volunteer: the association the volunteer reports for (they must be its member).</summary>
    public int? VolunteerAssociationId { get; init; }
}

/// <summary>One problem with a submission, named by the field it is about.</summary>
public sealed record SubmissionError(string Field, string Message);

/// <summary>A submission was refused; nothing was stored.</summary>
public sealed class SubmissionRejectedException(IReadOnlyList<SubmissionError> errors, int statusCode = StatusCodes.Status400BadRequest)
    : Exception(string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
{
    public IReadOnlyList<SubmissionError> Errors { get; } = errors;
    public int StatusCode { get; } = statusCode;
}
