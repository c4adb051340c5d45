using Linli.Web.Features.Tree;

namespace Linli.Tests.Unit;

public sealed class TreeCodesTests
{
    [Theory]
    [InlineData("220100", NodeKind.City, null)]
    [InlineData("220102", NodeKind.District, "220100")]
    [InlineData("220102001", NodeKind.Street, "220102")]
    [InlineData("220102001002", NodeKind.Community, "220102001")]
    [InlineData("220102001002003", NodeKind.Grid, "220102001002")]
    [InlineData("220102001002003004", NodeKind.Building, "220102001002003")]
    [InlineData("22010200100200300401", NodeKind.Unit, "220102001002003004")]
    public void Accepts_codes_that_extend_their_parent(string code, NodeKind kind, string? parent) =>
        Assert.Null(TreeCodes.Check(code, kind, parent));

    [Theory]
    [InlineData("2201", NodeKind.City, null, "6 digits")]
    [InlineData("22010A", NodeKind.District, "220100", "digits only")]
    [InlineData("220103001", NodeKind.Street, "220102", "followed by 3 digits")]
    [InlineData("2201020011", NodeKind.Street, "220102", "followed by 3 digits")]
    [InlineData("220102001002003004001", NodeKind.Unit, "220102001002003004", "followed by 2 digits")]
    public void Refuses_codes_that_do_not_fit(string code, NodeKind kind, string? parent, string expected) =>
        Assert.Contains(expected, TreeCodes.Check(code, kind, parent));

    [Theory]
    [InlineData("grid", true)]
    [InlineData("Community", true)]
    [InlineData("3", false)]
    [InlineData("village", false)]
    [InlineData(null, false)]
    public void Parses_kinds_by_name_only(string? text, bool ok) => Assert.Equal(ok, NodeKinds.TryParse(text, out _));
}
