using Linli.Web.Features.Tree;
using NetTopologySuite.Geometries;

namespace Linli.Tests.Unit;

public sealed class SpatialIndexTests
{
    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    private static Polygon Box(double west, double south, double east, double north) => Factory.CreatePolygon(
    [
        new Coordinate(west, south), new Coordinate(east, south), new Coordinate(east, north), new Coordinate(west, north), new Coordinate(west, south),
    ]);

    private static SpatialIndex TwoGrids() => new(
    [
        new IndexedNode("500000", null, NodeKind.City, "重庆市", "Chongqing", Box(106, 29, 107, 30)),
        new IndexedNode("500107", "500000", NodeKind.District, "九龙坡区", null, Box(106.4, 29.4, 106.6, 29.6)),
        new IndexedNode("500107001", "500107", NodeKind.Street, "石桥铺街道", null, Box(106.5, 29.5, 106.51, 29.51)),
        new IndexedNode("500107001001", "500107001", NodeKind.Community, "石桥铺社区", null, Box(106.5, 29.5, 106.51, 29.51)),
        new IndexedNode("500107001001001", "500107001001", NodeKind.Grid, "第1网格", null, Box(106.5, 29.5, 106.505, 29.51)),
        new IndexedNode("500107001001002", "500107001001", NodeKind.Grid, "第2网格", null, Box(106.505, 29.5, 106.51, 29.51)),
        new IndexedNode("500107001001001001", "500107001001001", NodeKind.Building, "1号楼", null, Factory.CreatePoint(new Coordinate(106.5020, 29.5050))),
    ]);

    [Fact]
    public void Finds_the_grid_and_its_ancestors_from_the_root_down()
    {
        var location = TwoGrids().Locate(29.505, 106.5075);

        Assert.NotNull(location);
        Assert.Equal("500107001001002", location.Grid.Code);
        Assert.Equal(["500000", "500107", "500107001", "500107001001"], location.Ancestors.Select(a => a.Code));
    }

    [Fact]
    public void Reports_the_nearest_building_within_fifty_metres_only()
    {
        var index = TwoGrids();

        // 0.0003° of longitude at 29.5°N is about 29 m; 0.0008° is about 77 m.
        var near = index.Locate(29.5050, 106.5023);
        var far = index.Locate(29.5050, 106.5028);

        Assert.Equal("500107001001001001", near!.NearestBuilding!.Building.Code);
        Assert.InRange(near.NearestBuilding.DistanceMeters, 25, 33);
        Assert.Null(far!.NearestBuilding);
    }

    [Fact]
    public void A_point_on_a_shared_edge_always_answers_the_lower_code() =>
        Assert.Equal("500107001001001", TwoGrids().FindGridNode(29.505, 106.505)!.Code);

    [Fact]
    public void A_point_outside_every_grid_is_not_located() => Assert.Null(TwoGrids().Locate(29.6, 106.6));

    [Fact]
    public void A_grid_that_is_no_rectangle_is_tested_against_its_shape_not_its_envelope()
    {
        var triangle = Factory.CreatePolygon([new Coordinate(106.5, 29.5), new Coordinate(106.51, 29.5), new Coordinate(106.5, 29.51), new Coordinate(106.5, 29.5)]);
        var index = new SpatialIndex(
        [
            new IndexedNode("500107001001", null, NodeKind.Community, "社区", null, Box(106.5, 29.5, 106.51, 29.51)),
            new IndexedNode("500107001001001", "500107001001", NodeKind.Grid, "三角网格", null, triangle),
        ]);

        Assert.Equal("500107001001001", index.FindGridNode(29.502, 106.502)?.Code);
        Assert.Equal("500107001001001", index.FindGridNode(29.505, 106.505)?.Code);
        Assert.Null(index.FindGridNode(29.509, 106.509));
    }

    [Theory]
    [InlineData(91, 0, false)]
    [InlineData(-90, 180, true)]
    [InlineData(0, -180.01, false)]
    [InlineData(double.NaN, 0, false)]
    public void Validates_wgs84_ranges(double lat, double lon, bool valid) => Assert.Equal(valid, SpatialIndex.IsValidCoordinate(lat, lon));
}
