using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;

namespace Linli.Web.Features.Open311.Wire;

/// <summary>
/// Writes a JSON document as Open311's schemaless XML: an object's properties become child elements, a list becomes its
/// plural element holding one singular element per item (services/service, attributes/attribute, …), and null an empty element.
/// </summary>
public static class Open311Xml
{
    private static readonly Dictionary<string, string> ItemNames = new(StringComparer.Ordinal)
    {
        ["services"] = "service",
        ["service_requests"] = "request",
        ["errors"] = "error",
        ["attributes"] = "attribute",
        ["values"] = "value",
        ["endpoints"] = "endpoint",
        ["formats"] = "format",
    };

    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = true };

    public static byte[] Write(string rootElement, JsonNode? document)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, Settings))
        {
            xml.WriteStartDocument();
            WriteElement(xml, rootElement, document);
            xml.WriteEndDocument();
        }

        return buffer.ToArray();
    }

    private static void WriteElement(XmlWriter xml, string name, JsonNode? node)
    {
        xml.WriteStartElement(name);
        switch (node)
        {
            case JsonObject properties:
                foreach (var (property, value) in properties)
                {
                    WriteElement(xml, property, value);
                }

                break;
            case JsonArray items:
                var itemName = ItemNames.GetValueOrDefault(name, "item");
                foreach (var item in items)
                {
                    WriteElement(xml, itemName, item);
                }

                break;
            case JsonValue value:
                xml.WriteString(Text(value));
                break;
        }

        xml.WriteEndElement();
    }

    private static string Text(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => XmlSafe(value.GetValue<string>()),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => value.ToJsonString(),
    };

    /// <summary>XML 1.0 cannot carry most control characters at all, so they are dropped rather than failing the answer.</summary>
    private static string XmlSafe(string text)
    {
        var kept = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                kept.Append(text, i++, 2);
            }
            else if (XmlConvert.IsXmlChar(text[i]))
            {
                kept.Append(text[i]);
            }
        }

        return kept.Length == text.Length ? text : kept.ToString();
    }
}
