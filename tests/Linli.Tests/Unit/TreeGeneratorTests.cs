using Linli.Web.Features.Demo;
using Linli.Web.Features.Tree;

namespace Linli.Tests.Unit;

public sealed class TreeGeneratorTests
{
    private static Dictionary<string, int> CountByKind(string size) =>
        TreeGenerator.Generate(size).GroupBy(f => f.Kind!).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void The_city_dataset_has_changchuns_exact_counts()
    {
        var counts = CountByKind("city");

        Assert.Equal(471, counts["community"]);
        Assert.Equal(4_839, counts["grid"]);
        Assert.Equal(35_170, counts["building"]);
        Assert.Equal(124_665, counts["unit"]);
    }

    [Fact]
    public void The_street_dataset_is_shiqiaopu_sized()
    {
        var counts = CountByKind("street");

        Assert.Equal(12, counts["community"]);
        Assert.Equal(60, counts["grid"]);
        Assert.Equal(400, counts["building"]);
        Assert.Equal(1_500, counts["unit"]);
    }

    [Fact]
    public void Generation_is_deterministic()
    {
        var first = TreeGenerator.Generate("street");
        var second = TreeGenerator.Generate("street");

        Assert.Equal(first.Select(f => (f.Code, f.Name, f.Geometry?.ToText())), second.Select(f => (f.Code, f.Name, f.Geometry?.ToText())));
    }

    [Fact]
    public void Every_generated_code_fits_its_parent()
    {
        Assert.All(TreeGenerator.Generate("street"), f =>
        {
            Assert.True(NodeKinds.TryParse(f.Kind, out var kind));
            Assert.Null(TreeCodes.Check(f.Code!, kind, f.ParentCode));
        });
    }
}
