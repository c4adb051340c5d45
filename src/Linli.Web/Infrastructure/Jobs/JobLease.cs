namespace Linli.Web.Infrastructure.Jobs;

/// <summary>
/// A named lease in the database: of several server instances, only the holder of an unexpired lease runs the job.
/// </summary>
public sealed class JobLease
{
    public required string Name { get; set; }
    public required string Holder { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
}
