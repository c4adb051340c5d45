using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Linli.Web.Features.AntiFraud.Alerts;

namespace Linli.Web.Features.AntiFraud;

/// <summary>
/// Reads a request body that may hold only the record's own fields: anything else (an ID number, a birth date) is
/// refused with 400 naming it, so no extra personal data can be sent along and silently dropped or kept.
/// </summary>
public static class StrictJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static async Task<T> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        var known = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToList();
        try
        {
            return await request.ReadFromJsonAsync<T>(Options, cancellationToken)
                ?? throw new AlertRejectedException([new("body", "send a JSON object")]);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.').Split('.', '[')[0] : "body";
            var message = known.Contains(field, StringComparer.OrdinalIgnoreCase)
                ? $"{field} has the wrong type"
                : field == "body" ? $"the JSON body is malformed: {e.Message}" : $"'{field}' is not accepted: the only fields are {string.Join(", ", known)}";
            throw new AlertRejectedException([new(field, message)]);
        }
        catch (InvalidOperationException) when (!request.HasJsonContentType())
        {
            throw new AlertRejectedException([new("body", "send application/json")]);
        }
    }
}
