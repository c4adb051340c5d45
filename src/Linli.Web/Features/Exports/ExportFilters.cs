using Linli.Web.Data;
using Linli.Web.Features.Cases;
using Linli.Web.Features.Rates;
using Linli.Web.Features.Tree;
using Linli.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Linli.Web.Features.Exports;

/// <summary>What an export asks for, as sent (JSON body or form). <c>dataset</c> "dashboard" is an alias of "rates".</summary>
public sealed record ExportRequest(
    string? Dataset, string? Format, string? Node, string? Period, string? From, string? To, string? Category, string? State, bool? Background = null);

/// <summary>A checked export request: the dashboard's filters (node, period, category, state).</summary>
public sealed record ExportFilters(
    ExportDataset Dataset, ExportFormat Format, string NodeCode, string NodePath, NodeKind NodeKind, RatePeriod Period, int? CategoryId, string? CategoryCode, CaseState? State)
{
    public string Describe() =>
        $"{Dataset} {Format} of {NodeCode}, {Period.From:yyyy-MM-dd}–{Period.To:yyyy-MM-dd}" +
        (CategoryCode is null ? "" : $", category {CategoryCode}") + (State is null ? "" : $", state {State}");

    public string FileName(DateTimeOffset at) =>
        $"linli-{Dataset.ToString().ToLowerInvariant()}-{NodeCode}-{at.ToOffset(TimeSpan.FromHours(8)):yyyyMMdd-HHmm}.{(Format == ExportFormat.Csv ? "csv" : "xlsx")}";

    public static ExportFilters Of(ExportJob job, int? categoryId, NodeKind kind) =>
        new(job.Dataset, job.Format, job.NodeCode, job.NodePath, kind, new RatePeriod(job.From, job.To), categoryId, job.CategoryCode, job.State);

    /// <summary>Checks every field; the errors name the field, as every Linli form does.</summary>
    public static async Task<(ExportFilters? Filters, Dictionary<string, string[]> Errors)> CheckAsync(LinliDb db, ExportRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var dataset = request.Dataset?.Trim().ToLowerInvariant() switch
        {
            "cases" => ExportDataset.Cases,
            "rates" or "dashboard" => ExportDataset.Rates,
            _ => (ExportDataset?)null,
        };
        if (dataset is null)
        {
            errors["dataset"] = ["dataset must be cases or rates (dashboard is the same as rates)"];
        }

        ExportFormat? format = string.IsNullOrWhiteSpace(request.Format) ? ExportFormat.Csv
            : EnumNames.TryParse<ExportFormat>(request.Format.Trim(), out var f) ? f : null;
        if (format is null)
        {
            errors["format"] = ["format must be csv or xlsx"];
        }

        var period = CheckPeriod(request, now, errors);

        var node = string.IsNullOrWhiteSpace(request.Node) ? null
            : await db.Nodes.AsNoTracking().Where(n => n.Code == request.Node.Trim()).Select(n => new { n.Code, n.Path, n.Kind }).FirstOrDefaultAsync(cancellationToken);
        if (node is null)
        {
            errors["node"] = [string.IsNullOrWhiteSpace(request.Node) ? "node is required: the area to export" : $"unknown node '{request.Node}'"];
        }
        else if (node.Kind > NodeKind.Grid)
        {
            errors["node"] = ["exports cover a grid or a larger area"];
        }

        (int Id, string Code)? category = null;
        if (!string.IsNullOrWhiteSpace(request.Category))
        {
            var code = request.Category.Trim();
            var found = await db.CaseCategories.AsNoTracking().Where(c => c.Code == code).Select(c => new { c.Id, c.Code }).FirstOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                errors["category"] = [$"unknown category '{code}'"];
            }
            else
            {
                category = (found.Id, found.Code);
            }
        }

        CaseState? state = null;
        if (!string.IsNullOrWhiteSpace(request.State))
        {
            if (EnumNames.TryParse<CaseState>(request.State.Trim(), out var s))
            {
                state = s;
            }
            else
            {
                errors["state"] = [$"state must be one of {string.Join(", ", Enum.GetNames<CaseState>())}"];
            }
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ExportFilters(dataset!.Value, format!.Value, node!.Code, node.Path, node.Kind, period!, category?.Id, category?.Code, state), errors);
    }

    private static RatePeriod? CheckPeriod(ExportRequest request, DateTimeOffset now, Dictionary<string, string[]> errors)
    {
        if (!string.IsNullOrWhiteSpace(request.Period))
        {
            var preset = RatePeriods.PresetNamed(request.Period.Trim());
            if (preset is null)
            {
                errors["period"] = ["period must be this-month, last-month, last-90-days or custom"];
                return null;
            }

            if (preset != PeriodPreset.Custom)
            {
                return RatePeriods.Preset(preset.Value, now);
            }
        }

        // Custom dates are days, both included, as the dashboard's picker sends them.
        var to = DateOnly.TryParse(request.To, System.Globalization.CultureInfo.InvariantCulture, out var until) ? until.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : request.To;
        var (period, field, error) = RatePeriods.Parse(request.From, to, now);
        if (period is null)
        {
            errors[field] = [error];
        }

        return period;
    }
}
