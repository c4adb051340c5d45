using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Linli.Tests.Browser;

/// <summary>Runs axe-core (vendored next to this file) on the page and fails on any WCAG 2.1 A or AA violation.</summary>
public static class Axe
{
    private static readonly string ScriptPath = Path.Combine(AppContext.BaseDirectory, "Browser", "axe.min.js");

    private const string Run = """
        async () => {
            const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
            return result.violations.map(v => ({
                id: v.id,
                impact: v.impact ?? '',
                help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ': ' + (n.failureSummary ?? '').replace(/\s+/g, ' '))
            }));
        }
        """;

    public static async Task AssertAccessibleAsync(IPage page)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe !== 'undefined'"))
        {
            await page.AddScriptTagAsync(new PageAddScriptTagOptions { Path = ScriptPath });
        }

        var violations = await page.EvaluateAsync<JsonElement>(Run);
        Assert.True(violations.GetArrayLength() == 0, Describe(page.Url, violations));
    }

    private static string Describe(string url, JsonElement violations)
    {
        var text = new StringBuilder($"axe-core found {violations.GetArrayLength()} WCAG 2.1 AA violation(s) on {url}:");
        foreach (var violation in violations.EnumerateArray())
        {
            text.Append($"\n- {violation.GetProperty("id").GetString()} ({violation.GetProperty("impact").GetString()}): {violation.GetProperty("help").GetString()}");
            foreach (var node in violation.GetProperty("nodes").EnumerateArray())
            {
                text.Append($"\n    {node.GetString()}");
            }
        }

        return text.ToString();
    }
}
