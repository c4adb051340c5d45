using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Web.Features.Rates.Rollups;

/// <summary>
/// Counts behind the rates for one node (every level of a case's grid path: city, district, street, community, grid),
/// one category and one China day. Each count is kept by the day of the moment it belongs to (reported by the day of
/// the report, responded in time by the day of the response, a missed limit by the day of the limit, and so on), so a
/// period made of whole days is a sum of rows. Kept up to date with every change of a case (<see cref="CaseRollupInterceptor"/>).
/// </summary>
public sealed class CaseRollup
{
    public required string NodePath { get; set; }

    /// <summary>The China day, as <see cref="DateOnly.DayNumber"/>.</summary>
    public int Day { get; set; }

    public int CategoryId { get; set; }

    // Cases reported that day, by their state now (one column per CaseState, in its order).
    public int ReportedNew { get; set; }
    public int ReportedDispatched { get; set; }
    public int ReportedAccepted { get; set; }
    public int ReportedInProgress { get; set; }
    public int ReportedResolved { get; set; }
    public int ReportedVerified { get; set; }
    public int ReportedClosed { get; set; }
    public int ReportedReturned { get; set; }
    public int ReportedReopened { get; set; }
    public int ReportedCancelled { get; set; }
    public int ReportedDuplicate { get; set; }

    public int RespondedInTime { get; set; }

    /// <summary>Not responded by the limit (late or never), on the limit's day; the query leaves out limits not yet passed.</summary>
    public int RespondMissed { get; set; }

    public int ResolvedInTime { get; set; }
    public int ResolveMissed { get; set; }

    /// <summary>Of <see cref="ResolveMissed"/>, those resolved after all.</summary>
    public int ResolvedLate { get; set; }

    public int Rated { get; set; }
    public int Satisfied { get; set; }
    public int SaidSolved { get; set; }
}

/// <summary>
/// A histogram of durations (report to acceptance, report to closing) for one node and China day: how many cases fell
/// in each bucket of <see cref="DurationBuckets"/> and the sum of their durations, for the medians.
/// </summary>
public sealed class CaseDurationRollup
{
    public required string NodePath { get; set; }

    public int Day { get; set; }

    public DurationKind Kind { get; set; }

    public int Bucket { get; set; }

    public int Cases { get; set; }

    public long TotalMilliseconds { get; set; }
}

public enum DurationKind
{
    ToRespond = 0,
    ToClose = 1,
}

internal sealed class CaseRollupConfiguration : IEntityTypeConfiguration<CaseRollup>
{
    public void Configure(EntityTypeBuilder<CaseRollup> r)
    {
        r.ToTable("case_rollups");
        r.HasKey(x => new { x.NodePath, x.Day, x.CategoryId });
        r.Property(x => x.NodePath).HasMaxLength(200);
    }
}

internal sealed class CaseDurationRollupConfiguration : IEntityTypeConfiguration<CaseDurationRollup>
{
    public void Configure(EntityTypeBuilder<CaseDurationRollup> r)
    {
        r.ToTable("case_duration_rollups");
        r.HasKey(x => new { x.NodePath, x.Day, x.Kind, x.Bucket });
        r.Property(x => x.NodePath).HasMaxLength(200);

        // A number, not the usual enum name: it is part of the key and written by raw SQL.
        r.Property(x => x.Kind).HasConversion<int>();
    }
}
