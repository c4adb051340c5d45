using Linli.Web.Features.Cases.Intake;
using Linli.Web.Features.Tree.Import;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Web.Infrastructure.Problems;

/// <summary>Turns rule violations and malformed requests into ProblemDetails that name the field at fault.</summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var details = exception switch
        {
            ImportRejectedException rejected => ImportProblem(rejected),
            SubmissionRejectedException refused => SubmissionProblem(refused),
            DomainRuleException rule => Problem(rule.StatusCode, "The request breaks a rule", rule.Message, rule.Field),
            BadHttpRequestException bad => Problem(bad.StatusCode, "The request could not be read", Describe(bad), "body"),
            _ => null,
        };

        if (details is null)
        {
            return false;
        }

        httpContext.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = details, Exception = exception });
    }

    private static string Describe(BadHttpRequestException bad) =>
        bad.InnerException is System.Text.Json.JsonException json ? $"The JSON body is malformed: {json.Message}" : bad.Message;

    private static ProblemDetails Problem(int status, string title, string detail, string field) => new()
    {
        Status = status,
        Title = title,
        Detail = detail,
        Extensions = { ["errors"] = new Dictionary<string, string[]> { [field] = [detail] } },
    };

    private static ProblemDetails SubmissionProblem(SubmissionRejectedException refused) => new()
    {
        Status = refused.StatusCode,
        Title = "The report was refused; nothing was stored",
        Detail = string.Join("; ", refused.Errors.Select(e => $"{e.Field}: {e.Message}")),
        Extensions = { ["errors"] = refused.Errors.GroupBy(e => e.Field).ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray()) },
    };

    private static ProblemDetails ImportProblem(ImportRejectedException rejected) => new()
    {
        Status = rejected.Problems.Any(p => p.Forbidden) ? StatusCodes.Status403Forbidden : StatusCodes.Status400BadRequest,
        Title = "The import was refused; nothing was imported",
        Detail = $"{rejected.Problems.Count} problem(s) found. Each names its {rejected.PositionName}.",
        Extensions =
        {
            ["positionName"] = rejected.PositionName,
            ["problems"] = rejected.Problems,
            ["errors"] = rejected.Problems.GroupBy(p => p.Field).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray()),
        },
    };
}
