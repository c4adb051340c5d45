using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Web.Infrastructure.Problems;

/// <summary>Shorthands for the ProblemDetails answers every feature gives.</summary>
public static class Problems
{
    public static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "The request is invalid", detail: message);

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict");

    public static ProblemHttpResult Forbidden(string detail = "Your roles do not cover this part of the tree.") =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden");
}
