using Linli.Web.Features.Cases;
using Linli.Web.Features.Notifications;

namespace Linli.Web.Components.Pages.Cases;

/// <summary>A case state in the interface's language, from the same names the notifications use.</summary>
public static class CaseStateText
{
    public static string Name(string state) => Enum.TryParse<CaseState>(state, out var s) ? Name(s) : state;

    public static string Name(CaseState state)
    {
        if (!Display.IsEnglish)
        {
            return StateNames.Zh(state);
        }

        // The notification texts use it mid-sentence ("is now: resolved"); on its own it starts with a capital.
        var english = StateNames.En(state);
        return char.ToUpperInvariant(english[0]) + english[1..];
    }
}
