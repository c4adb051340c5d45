using Linli.Web.Data;
using Linli.Web.Features.AntiFraud.Orders;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Web.Features.AntiFraud.Escalation;

/// <summary>
/// Erases the person's fields of orders closed more than <see cref="AntiFraudOptions.ErasePersonalFieldsAfterDays"/> days
/// ago, in one statement. What the weekly figures need (risk, dates, outcome, money, the repeat flag) stays.
/// </summary>
public sealed class PersonalFieldEraser(LinliDb db, TimeProvider clock, IOptions<AntiFraudOptions> options)
{
    public Task<int> EraseDueAsync(CancellationToken cancellationToken = default)
    {
        var days = options.Value.ErasePersonalFieldsAfterDays;
        if (days <= 0)
        {
            return Task.FromResult(0);
        }

        var now = clock.GetUtcNow();
        var closedBefore = now.AddDays(-days);
        return db.DissuasionOrders
            .Where(o => o.State == DissuasionState.Closed && o.ErasedAt == null && o.ClosedAt < closedBefore)
            .ExecuteUpdateAsync(s => s
                .SetProperty(o => o.PersonName, (string?)null)
                .SetProperty(o => o.Phone, (string?)null)
                .SetProperty(o => o.UnitNodeId, (int?)null)
                .SetProperty(o => o.UnitCode, (string?)null)
                .SetProperty(o => o.Address, (string?)null)
                .SetProperty(o => o.Seen, (string?)null)
                .SetProperty(o => o.Advice, (string?)null)
                .SetProperty(o => o.CloseNote, (string?)null)
                .SetProperty(o => o.ErasedAt, now)
                .SetProperty(o => o.Version, o => o.Version + 1), cancellationToken);
    }
}
