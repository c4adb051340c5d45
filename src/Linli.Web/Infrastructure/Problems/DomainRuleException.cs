namespace Linli.Web.Infrastructure.Problems;

/// <summary>A request that is well-formed but breaks a rule of the domain; answered as ProblemDetails.</summary>
public sealed class DomainRuleException(string field, string message, int statusCode = StatusCodes.Status400BadRequest) : Exception(message)
{
    public string Field { get; } = field;
    public int StatusCode { get; } = statusCode;
}
