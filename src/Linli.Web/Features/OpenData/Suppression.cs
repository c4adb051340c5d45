namespace Linli.Web.Features.OpenData;

/// <summary>
/// Small-count suppression for a published table of counts with its row and column totals. A count of 1 to
/// <c>threshold − 1</c> is withheld (primary suppression); then every row and column that would have exactly one
/// withheld cell gets a second one (complementary suppression), because a published total minus the other published
/// cells would give the withheld count back. Zero is published: it describes nobody.
/// </summary>
public static class Suppression
{
    /// <summary>
    /// Which cells of the table with its totals are withheld. <paramref name="counts"/> is rows × columns; the answer is
    /// (rows + 1) × (columns + 1): the last column holds the row totals, the last row the column totals, the corner the grand total.
    /// </summary>
    public static bool[,] Apply(int[,] counts, int threshold)
    {
        var (rows, columns) = (counts.GetLength(0), counts.GetLength(1));
        var value = new int[rows + 1, columns + 1];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                value[r, c] = counts[r, c];
                value[r, columns] += counts[r, c];
                value[rows, c] += counts[r, c];
                value[rows, columns] += counts[r, c];
            }
        }

        var hidden = new bool[rows + 1, columns + 1];
        for (var r = 0; r <= rows; r++)
        {
            for (var c = 0; c <= columns; c++)
            {
                hidden[r, c] = IsSmall(value[r, c], threshold);
            }
        }

        // Each line (a row or a column with its total) is one equation; one unknown in it is one too few. Suppressing only
        // ever adds cells, so this ends.
        var lines = Enumerable.Range(0, rows + 1).Select(r => Enumerable.Range(0, columns + 1).Select(c => (r, c)).ToArray())
            .Concat(Enumerable.Range(0, columns + 1).Select(c => Enumerable.Range(0, rows + 1).Select(r => (r, c)).ToArray()))
            .ToArray();
        bool changed;
        do
        {
            changed = false;
            foreach (var line in lines)
            {
                if (line.Count(cell => hidden[cell.r, cell.c]) != 1)
                {
                    continue;
                }

                var (r, c) = Complement(line, value, hidden);
                hidden[r, c] = true;
                changed = true;
            }
        }
        while (changed);

        return hidden;
    }

    /// <summary>Whether a count alone must be withheld: 1 to threshold − 1.</summary>
    public static bool IsSmall(int count, int threshold) => count > 0 && count < threshold;

    /// <summary>
    /// The cell to withhold beside the line's one withheld cell: the smallest positive count among the line's parts (the
    /// least lost), else a zero part, else the line's total.
    /// </summary>
    private static (int R, int C) Complement((int r, int c)[] line, int[,] value, bool[,] hidden)
    {
        var parts = line[..^1].Where(cell => !hidden[cell.r, cell.c]).ToList();
        var pick = parts.Where(cell => value[cell.r, cell.c] > 0).OrderBy(cell => value[cell.r, cell.c]).Select(cell => ((int, int)?)cell).FirstOrDefault()
            ?? parts.Select(cell => ((int, int)?)cell).FirstOrDefault()
            ?? line[^1];
        return pick;
    }
}
