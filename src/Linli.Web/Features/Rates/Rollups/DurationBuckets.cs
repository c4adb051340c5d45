namespace Linli.Web.Features.Rates.Rollups;

/// <summary>
/// Fixed bucket edges, in minutes, for the duration histograms. A median is estimated from them: the bucket holding the
/// middle case(s) is found by counting, and a case in it is taken at the bucket's mean (its summed durations over its
/// cases). That is exact when the bucket holds one case, or cases of one duration, and otherwise off by less than the
/// bucket's width (about a fifth of its lower edge above an hour).
/// </summary>
public static class DurationBuckets
{
    /// <summary>Bucket i holds durations d with Edges[i-1] &lt;= d &lt; Edges[i]; bucket 0 anything below 0 (a clock set back).</summary>
    public static readonly double[] Edges = BuildEdges();

    private static double[] BuildEdges()
    {
        var edges = new List<double> { 0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60 };
        var edge = 60.0;
        while (edge < 366 * 24 * 60)
        {
            // About 20% steps, rounded to whole minutes so the edges read well.
            edge = Math.Round(edge * 1.2);
            edges.Add(edge);
        }

        return [.. edges];
    }

    /// <summary>The bucket of a duration, as PostgreSQL's <c>width_bucket(minutes, edges)</c> numbers them.</summary>
    public static int Of(long milliseconds)
    {
        var minutes = milliseconds / 60_000.0;
        var index = Array.BinarySearch(Edges, minutes);
        return index >= 0 ? index + 1 : ~index;
    }

    public static long Milliseconds(DateTimeOffset from, DateTimeOffset to) => (long)Math.Round((to - from).TotalMilliseconds, MidpointRounding.AwayFromZero);

    /// <summary>The median in minutes (one decimal) from (bucket, cases, summed milliseconds) rows; null when there are no cases.</summary>
    public static MedianFigure Median(IEnumerable<(int Bucket, int Cases, long TotalMilliseconds)> rows)
    {
        var buckets = rows.Where(r => r.Cases > 0).OrderBy(r => r.Bucket).ToList();
        var count = buckets.Sum(b => b.Cases);
        if (count == 0)
        {
            return new MedianFigure(null, 0);
        }

        double At(int position)
        {
            var seen = 0;
            foreach (var b in buckets)
            {
                seen += b.Cases;
                if (position < seen)
                {
                    return b.TotalMilliseconds / (double)b.Cases / 60_000.0;
                }
            }

            throw new InvalidOperationException("position beyond the histogram");
        }

        var median = count % 2 == 1 ? At(count / 2) : (At(count / 2 - 1) + At(count / 2)) / 2;
        return new MedianFigure(Math.Round(median, 1), count);
    }
}
