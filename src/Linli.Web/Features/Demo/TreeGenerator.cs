using System.Globalization;
using Linli.Web.Features.Tree;
using Linli.Web.Features.Tree.Import;
using NetTopologySuite.Geometries;

namespace Linli.Web.Features.Demo;

/// <summary>
/// Generates the demo trees, deterministically (fixed seeds: every run gives the same codes, names and shapes):
/// <list type="bullet">
/// <item><c>street</c>: Shiqiaopu Street (石桥铺街道), Jiulongpo, Chongqing — 12 communities, 60 grids, 400 buildings (small
/// rectangles), 1,500 units.</item>
/// <item><c>city</c>: Changchun (长春市) at the scale of its "three chiefs" — 471 communities, 4,839 grids, 35,170 buildings
/// (points) and 124,665 units, spread as evenly as integer division allows.</item>
/// </list>
/// Areas are axis-aligned rectangles in WGS84 (SRID 4326, longitude first). Streets tile their district (city dataset),
/// communities their street and grids their community exactly, so every point of a street lies in one of its grids;
/// districts lie inside their city. Buildings sit 12 m (street) or 20 m (city) or more inside their grid; units have no
/// geometry. Features come parents first, level by level, with <see cref="ImportFeature.Position"/> equal to the index.
/// </summary>
public static class TreeGenerator
{
    public const string StreetSize = "street";
    public const string CitySize = "city";

    public const string ChongqingCode = "500000";
    public const string JiulongpoCode = "500107";
    public const string ShiqiaopuCode = "500107001";
    public const string ChangchunCode = "220100";

    public const int StreetCommunities = 12;
    public const int StreetGridsPerCommunity = 5;
    public const int StreetGrids = StreetCommunities * StreetGridsPerCommunity;
    public const int StreetBuildings = 400;
    public const int StreetUnits = 1_500;

    public const int CityCommunities = 471;
    public const int CityGrids = 4_839;
    public const int CityBuildings = 35_170;
    public const int CityUnits = 124_665;

    /// <summary>The centre of the demo street (Shiqiaopu).</summary>
    public const double StreetCentreLongitude = 106.505;
    public const double StreetCentreLatitude = 29.530;

    private const int StreetSeed = 2023_0412;
    private const int CitySeed = 2020_0220;
    private const double MetresPerDegree = 111_320;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public static IReadOnlyList<string> Sizes { get; } = [StreetSize, CitySize];

    /// <summary>The root (city) code of a dataset: 500000 for <c>street</c>, 220100 for <c>city</c>.</summary>
    public static string RootCodeOf(string size) => Normalise(size) == StreetSize ? ChongqingCode : ChangchunCode;

    /// <summary>Generates <c>street</c> or <c>city</c>; anything else throws <see cref="ArgumentException"/>.</summary>
    public static IReadOnlyList<ImportFeature> Generate(string size) =>
        Normalise(size) == StreetSize ? GenerateStreet() : GenerateCity();

    public static IReadOnlyList<ImportFeature> GenerateStreet()
    {
        var random = new Random(StreetSeed);
        var tree = new Levels();

        var city = tree.Add(NodeKind.City, ChongqingCode, null, new DemoName("重庆市", "Chongqing"), new Box(105.29, 28.16, 110.19, 32.20));
        var district = tree.Add(NodeKind.District, JiulongpoCode, city, new DemoName("九龙坡区", "Jiulongpo District"), new Box(106.23, 29.22, 106.56, 29.58));

        // 1,500 m by 840 m, so that a street of 12 communities of 5 grids has grids of about 125–190 m by 140 m.
        var halfWidth = Math.Round(750 / MetresPerDegreeLongitude(StreetCentreLatitude), 7);
        var halfHeight = Math.Round(420 / MetresPerDegree, 7);
        var streetBox = new Box(StreetCentreLongitude - halfWidth, StreetCentreLatitude - halfHeight, StreetCentreLongitude + halfWidth, StreetCentreLatitude + halfHeight);
        var street = tree.Add(NodeKind.Street, ShiqiaopuCode, district, new DemoName("石桥铺街道", "Shiqiaopu Street"), streetBox);

        var communityBoxes = Tile(street.Box, StreetCommunities, random, 0.25);
        var communities = communityBoxes.Select((box, i) =>
            tree.Add(NodeKind.Community, Child(street, i + 1, 3), street, DemoNames.ShiqiaopuCommunities[i], box)).ToList();

        var grids = new List<Node>(StreetGrids);
        foreach (var community in communities)
        {
            var boxes = Tile(community.Box, StreetGridsPerCommunity, random, 0.25);
            grids.AddRange(boxes.Select((box, i) => tree.Add(NodeKind.Grid, Child(community, i + 1, 3), community, GridName(i + 1), box)));
        }

        var buildingsPerGrid = Spread(StreetBuildings, grids.Count, random, min: 4, max: 9);
        var buildings = new List<Node>(StreetBuildings);
        for (var g = 0; g < grids.Count; g++)
        {
            var slots = Tile(Inset(grids[g].Box, 12), buildingsPerGrid[g], random, 0.25);
            for (var i = 0; i < slots.Count; i++)
            {
                buildings.Add(tree.Add(NodeKind.Building, Child(grids[g], i + 1, 3), grids[g], BuildingName(i + 1), slots[i], BuildingShape(slots[i], random)));
            }
        }

        var unitsPerBuilding = Spread(StreetUnits, buildings.Count, random, min: 2, max: 6);
        AddUnits(tree, buildings, unitsPerBuilding);
        return tree.ToFeatures();
    }

    public static IReadOnlyList<ImportFeature> GenerateCity()
    {
        var random = new Random(CitySeed);
        var tree = new Levels();
        var city = tree.Add(NodeKind.City, ChangchunCode, null, new DemoName("长春市", "Changchun"), new Box(124.30, 43.05, 127.05, 45.25));

        // The six districts share the urban core (about 20 km by 22 km), so grids come out at about 300 m.
        var districtBoxes = Tile(new Box(125.20, 43.78, 125.45, 43.98), DemoNames.ChangchunDistricts.Length, random, 0.3);
        var streets = new List<Node>();
        for (var d = 0; d < districtBoxes.Count; d++)
        {
            var (code, name, streetNames) = DemoNames.ChangchunDistricts[d];
            var district = tree.Add(NodeKind.District, code, city, name, districtBoxes[d]);
            var streetBoxes = Tile(district.Box, streetNames.Length, random, 0.3);
            streets.AddRange(streetBoxes.Select((box, i) => tree.Add(NodeKind.Street, Child(district, i + 1, 3), district, streetNames[i], box)));
        }

        var communitiesPerStreet = Even(CityCommunities, streets.Count);
        var communities = new List<Node>(CityCommunities);
        for (var s = 0; s < streets.Count; s++)
        {
            var stems = DemoNames.CommunityStems.ToArray();
            random.Shuffle(stems);
            var boxes = Tile(streets[s].Box, communitiesPerStreet[s], random, 0.3);
            communities.AddRange(boxes.Select((box, i) => tree.Add(NodeKind.Community, Child(streets[s], i + 1, 3), streets[s],
                new DemoName(stems[i].Zh + "社区", stems[i].En + " Community"), box)));
        }

        var gridsPerCommunity = Even(CityGrids, communities.Count);
        var grids = new List<Node>(CityGrids);
        for (var c = 0; c < communities.Count; c++)
        {
            var boxes = Tile(communities[c].Box, gridsPerCommunity[c], random, 0.3);
            grids.AddRange(boxes.Select((box, i) => tree.Add(NodeKind.Grid, Child(communities[c], i + 1, 3), communities[c], GridName(i + 1), box)));
        }

        var buildingsPerGrid = Even(CityBuildings, grids.Count);
        var buildings = new List<Node>(CityBuildings);
        for (var g = 0; g < grids.Count; g++)
        {
            var slots = Tile(Inset(grids[g].Box, 20), buildingsPerGrid[g], random, 0.25);
            for (var i = 0; i < slots.Count; i++)
            {
                buildings.Add(tree.Add(NodeKind.Building, Child(grids[g], i + 1, 3), grids[g], BuildingName(i + 1), slots[i], BuildingPoint(slots[i], random)));
            }
        }

        AddUnits(tree, buildings, Even(CityUnits, buildings.Count));
        return tree.ToFeatures();
    }

    /// <summary>Writes features as a GeoJSON FeatureCollection in the shape the tree import reads (and the tree export writes).</summary>
    public static Task WriteGeoJsonAsync(IReadOnlyList<ImportFeature> features, Stream stream, CancellationToken cancellationToken = default) =>
        TreeExport.WriteGeoJsonAsync(stream, ToRows(features), cancellationToken);

    private static async IAsyncEnumerable<ExportRow> ToRows(IReadOnlyList<ImportFeature> features)
    {
        foreach (var f in features)
        {
            if (!NodeKinds.TryParse(f.Kind, out var kind))
            {
                throw new ArgumentException($"Feature {f.Position} has an unknown kind '{f.Kind}'.", nameof(features));
            }

            yield return new ExportRow(f.Code!, f.ParentCode, kind, f.Name!, f.NameEn, f.IsRural, f.Geometry);
        }

        await Task.CompletedTask;
    }

    private static string Normalise(string size) => size?.Trim().ToLowerInvariant() switch
    {
        StreetSize => StreetSize,
        CitySize => CitySize,
        _ => throw new ArgumentException($"Unknown demo size '{size}': expected '{StreetSize}' or '{CitySize}'.", nameof(size)),
    };

    private static void AddUnits(Levels tree, List<Node> buildings, int[] unitsPerBuilding)
    {
        for (var b = 0; b < buildings.Count; b++)
        {
            for (var u = 1; u <= unitsPerBuilding[b]; u++)
            {
                tree.Add(NodeKind.Unit, Child(buildings[b], u, 2), buildings[b],
                    new DemoName(u.ToString(CultureInfo.InvariantCulture) + "单元", "Unit " + u.ToString(CultureInfo.InvariantCulture)), box: null);
            }
        }
    }

    private static DemoName GridName(int n) =>
        new("第" + n.ToString(CultureInfo.InvariantCulture) + "网格", "Grid " + n.ToString(CultureInfo.InvariantCulture));

    private static DemoName BuildingName(int n) =>
        new(n.ToString(CultureInfo.InvariantCulture) + "号楼", "Building " + n.ToString(CultureInfo.InvariantCulture));

    private static string Child(Node parent, int n, int digits) =>
        parent.Code + n.ToString(digits == 3 ? "D3" : "D2", CultureInfo.InvariantCulture);

    /// <summary><paramref name="total"/> split into <paramref name="parts"/>, the remainder going one each to the first parts.</summary>
    private static int[] Even(int total, int parts) =>
        [.. Enumerable.Range(0, parts).Select(i => total / parts + (i < total % parts ? 1 : 0))];

    /// <summary>An even split made uneven by random one-by-one moves that keep every part within [min, max].</summary>
    private static int[] Spread(int total, int parts, Random random, int min, int max)
    {
        var counts = Even(total, parts);
        for (var i = 0; i < parts * 4; i++)
        {
            var from = random.Next(parts);
            var to = random.Next(parts);
            if (from != to && counts[from] > min && counts[to] < max)
            {
                counts[from]--;
                counts[to]++;
            }
        }

        return counts;
    }

    /// <summary>
    /// Cuts <paramref name="box"/> into <paramref name="n"/> rectangles in rows (north to south) of near-equal counts,
    /// reading west to east, with as many rows as keeps the cells nearest to square. Inner edges move by up to <paramref name="jitter"/>/2 of a cell; outer edges are the box's own.
    /// </summary>
    private static List<Box> Tile(Box box, int n, Random random, double jitter)
    {
        var rows = Enumerable.Range(1, n).MinBy(r => Elongation(box, n, r));
        var ys = Breaks(box.MaxY, box.MinY, rows, random, jitter);
        var tiles = new List<Box>(n);
        for (var r = 0; r < rows; r++)
        {
            var inRow = n / rows + (r < n % rows ? 1 : 0);
            var xs = Breaks(box.MinX, box.MaxX, inRow, random, jitter);
            for (var c = 0; c < inRow; c++)
            {
                tiles.Add(new Box(xs[c], ys[r + 1], xs[c + 1], ys[r]));
            }
        }

        return tiles;
    }

    /// <summary>How far from square the most elongated cell is when <paramref name="n"/> cells are laid out in <paramref name="rows"/> rows.</summary>
    private static double Elongation(Box box, int n, int rows)
    {
        var height = box.HeightMetres / rows;
        var widest = box.WidthMetres / (n / rows);
        var narrowest = box.WidthMetres / (n / rows + (n % rows == 0 ? 0 : 1));
        return Math.Max(Math.Abs(Math.Log(widest / height)), Math.Abs(Math.Log(narrowest / height)));
    }

    private static double[] Breaks(double from, double to, int parts, Random random, double jitter)
    {
        var result = new double[parts + 1];
        result[0] = from;
        result[parts] = to;
        for (var i = 1; i < parts; i++)
        {
            result[i] = Math.Round(from + (to - from) * (i + (random.NextDouble() - 0.5) * jitter) / parts, 7);
        }

        return result;
    }

    private static Box Inset(Box box, double metres)
    {
        var dx = metres / MetresPerDegreeLongitude(box.MidY);
        var dy = metres / MetresPerDegree;
        return new Box(box.MinX + dx, box.MinY + dy, box.MaxX - dx, box.MaxY - dy);
    }

    /// <summary>A building of about 30 m by 12 m (long side along the slot's long side), placed near the slot's centre.</summary>
    private static Polygon BuildingShape(Box slot, Random random)
    {
        var along = 24 + random.NextDouble() * 12;
        var across = 10 + random.NextDouble() * 4;
        var (width, height) = slot.HeightMetres > slot.WidthMetres * 1.3 ? (across, along) : (along, across);
        width = Math.Min(width, slot.WidthMetres * 0.8);
        height = Math.Min(height, slot.HeightMetres * 0.8);

        var metresPerLongitude = MetresPerDegreeLongitude(slot.MidY);
        var x = slot.MidX + (random.NextDouble() - 0.5) * (slot.WidthMetres - width) / 2 / metresPerLongitude;
        var y = slot.MidY + (random.NextDouble() - 0.5) * (slot.HeightMetres - height) / 2 / MetresPerDegree;
        var halfX = width / 2 / metresPerLongitude;
        var halfY = height / 2 / MetresPerDegree;
        return Rectangle(new Box(Math.Round(x - halfX, 7), Math.Round(y - halfY, 7), Math.Round(x + halfX, 7), Math.Round(y + halfY, 7)));
    }

    private static Point BuildingPoint(Box slot, Random random)
    {
        var x = slot.MinX + (0.3 + random.NextDouble() * 0.4) * (slot.MaxX - slot.MinX);
        var y = slot.MinY + (0.3 + random.NextDouble() * 0.4) * (slot.MaxY - slot.MinY);
        return Factory.CreatePoint(new Coordinate(Math.Round(x, 7), Math.Round(y, 7)));
    }

    /// <summary>A counter-clockwise rectangle, as RFC 7946 asks of exterior rings.</summary>
    private static Polygon Rectangle(Box box) => Factory.CreatePolygon(
    [
        new Coordinate(box.MinX, box.MinY),
        new Coordinate(box.MaxX, box.MinY),
        new Coordinate(box.MaxX, box.MaxY),
        new Coordinate(box.MinX, box.MaxY),
        new Coordinate(box.MinX, box.MinY),
    ]);

    private static double MetresPerDegreeLongitude(double latitude) => MetresPerDegree * Math.Cos(latitude * Math.PI / 180);

    private readonly record struct Box(double MinX, double MinY, double MaxX, double MaxY)
    {
        public double MidX => (MinX + MaxX) / 2;
        public double MidY => (MinY + MaxY) / 2;
        public double WidthMetres => (MaxX - MinX) * MetresPerDegreeLongitude(MidY);
        public double HeightMetres => (MaxY - MinY) * MetresPerDegree;
    }

    private sealed record Node(string Code, string? ParentCode, NodeKind Kind, DemoName Name, Box Box, Geometry? Geometry);

    /// <summary>Nodes kept per level, so the output lists every parent before its children.</summary>
    private sealed class Levels
    {
        private readonly List<Node>[] _levels = [.. Enumerable.Range(0, (int)NodeKind.Unit + 1).Select(_ => new List<Node>())];

        public Node Add(NodeKind kind, string code, Node? parent, DemoName name, Box? box, Geometry? geometry = null)
        {
            var node = new Node(code, parent?.Code, kind, name, box ?? default, geometry ?? (box is { } b && kind.IsArea() ? Rectangle(b) : null));
            _levels[(int)kind].Add(node);
            return node;
        }

        public List<ImportFeature> ToFeatures()
        {
            var features = new List<ImportFeature>(_levels.Sum(l => l.Count));
            foreach (var node in _levels.SelectMany(l => l))
            {
                features.Add(new ImportFeature(features.Count, node.Code, node.ParentCode, node.Kind.ToWire(), node.Name.Zh, node.Name.En,
                    IsRural: false, node.Geometry, GeometryError: null));
            }

            return features;
        }
    }
}
