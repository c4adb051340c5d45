using Linli.Web.Features.AntiFraud.Orders;

namespace Linli.Web.Features.AntiFraud;

/// <summary>The "AntiFraud" section: how long a visit may wait by risk, escalation, and how long personal fields are kept.</summary>
public sealed class AntiFraudOptions
{
    public const string Section = "AntiFraud";

    public int HighRiskMinutes { get; set; } = 120;
    public int MediumRiskMinutes { get; set; } = 24 * 60;
    public int LowRiskMinutes { get; set; } = 72 * 60;

    /// <summary>Runs the escalation and erasure loop in this instance; tests that do not want it switch it off.</summary>
    public bool EscalationEnabled { get; set; } = true;

    public int EscalationIntervalSeconds { get; set; } = 60;

    /// <summary>Days after closing when the person's name, phone, unit or address, what was seen and the advice are erased; 0 keeps them.</summary>
    public int ErasePersonalFieldsAfterDays { get; set; } = 180;

    public TimeSpan LimitFor(FraudRisk risk) => TimeSpan.FromMinutes(risk switch
    {
        FraudRisk.High => HighRiskMinutes,
        FraudRisk.Medium => MediumRiskMinutes,
        _ => LowRiskMinutes,
    });
}
