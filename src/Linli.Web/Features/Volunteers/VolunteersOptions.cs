namespace Linli.Web.Features.Volunteers;

/// <summary>Settings of the <c>Volunteers</c> section. The targets are the city's defaults; a community may have its own.</summary>
public sealed class VolunteersOptions
{
    public const string Section = "Volunteers";

    /// <summary>Beijing's 2021 plan: at least 15 associations in every urban community.</summary>
    public int UrbanTarget { get; set; } = 15;

    /// <summary>And at least 8 in every rural one.</summary>
    public int RuralTarget { get; set; } = 8;

    /// <summary>Approved hours at which a volunteer earns a badge.</summary>
    public int[] BadgeHours { get; set; } = [10, 50, 100, 500];

    /// <summary>How early before a shift the QR code checks a volunteer in.</summary>
    public int CheckInOpensMinutesBefore { get; set; } = 30;

    /// <summary>How long after a shift ends a volunteer can still check out by QR (later, the leader marks it).</summary>
    public int CheckOutClosesMinutesAfter { get; set; } = 120;

    public int DefaultTarget(bool rural) => rural ? RuralTarget : UrbanTarget;
}
