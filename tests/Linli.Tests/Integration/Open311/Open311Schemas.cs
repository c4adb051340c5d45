using System.Text.Json;
using Json.Schema;

namespace Linli.Tests.Integration.Open311;

/// <summary>
/// The community GeoReport v2 schemas (shared/open311/georeport-v2, copied next to the tests), plus schemas written
/// here from the specification's text for the documents the community set does not cover: discovery, the answer to a
/// POST, tokens and errors.
/// </summary>
public static class Open311Schemas
{
    private static readonly Uri Base = new("https://linli.test/open311/georeport-v2/");
    private static readonly Lazy<Dictionary<string, JsonSchema>> All = new(Load);

    private static readonly EvaluationOptions Evaluation = new() { RequireFormatValidation = true, OutputFormat = OutputFormat.List };

    /// <summary>Fails with every error at its JSON pointer when <paramref name="json"/> does not match the named schema.</summary>
    public static void AssertValid(string schema, string json)
    {
        var results = All.Value[schema].Evaluate(JsonDocument.Parse(json).RootElement, Evaluation);
        var errors = (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
        Assert.True(results.IsValid, $"not a valid {schema}: {string.Join("; ", errors)}\n{json}");
    }

    private static Dictionary<string, JsonSchema> Load()
    {
        var build = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var folder = Path.Combine(AppContext.BaseDirectory, "open311", "georeport-v2");
        var schemas = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);

        // request.json first: requests.json and services.json refer to their item schema by relative name.
        foreach (var name in new[] { "request.json", "requests.json", "service.json", "services.json", "service-definition.json" })
        {
            schemas[name] = JsonSchema.FromText(File.ReadAllText(Path.Combine(folder, name)), build, new Uri(Base, name));
        }

        foreach (var (name, text) in Local)
        {
            schemas[name] = JsonSchema.FromText(text, build, new Uri(Base, name));
        }

        return schemas;
    }

    private static readonly (string Name, string Text)[] Local =
    [
        ("discovery.json", """
            {
              "type": "object",
              "required": ["changeset", "contact", "key_service", "endpoints"],
              "properties": {
                "changeset": { "type": "string", "minLength": 1 },
                "contact": { "type": "string", "minLength": 1 },
                "key_service": { "type": "string", "minLength": 1 },
                "endpoints": {
                  "type": "array",
                  "minItems": 1,
                  "items": {
                    "type": "object",
                    "required": ["specification", "url", "changeset", "type", "formats"],
                    "properties": {
                      "specification": { "type": "string", "format": "uri" },
                      "url": { "type": "string", "format": "uri" },
                      "changeset": { "type": "string" },
                      "type": { "enum": ["production", "test"] },
                      "formats": { "type": "array", "minItems": 1, "items": { "enum": ["text/xml", "application/json"] } }
                    }
                  }
                }
              }
            }
            """),
        ("posted-requests.json", """
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "required": ["service_request_id"],
                "additionalProperties": false,
                "properties": {
                  "service_request_id": { "type": "string" },
                  "token": { "type": "string" },
                  "service_notice": { "type": ["string", "null"] },
                  "account_id": { "type": ["string", "null"] }
                }
              }
            }
            """),
        ("tokens.json", """
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "required": ["service_request_id", "token"],
                "additionalProperties": false,
                "properties": { "service_request_id": { "type": "string" }, "token": { "type": "string" } }
              }
            }
            """),
        ("errors.json", """
            {
              "type": "array",
              "minItems": 1,
              "items": {
                "type": "object",
                "required": ["code", "description"],
                "additionalProperties": false,
                "properties": { "code": { "type": "integer" }, "description": { "type": "string", "minLength": 1 } }
              }
            }
            """),
    ];
}
