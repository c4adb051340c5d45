using Linli.Web.Features.OpenData;

namespace Linli.Tests.Unit;

public sealed class OpenDataSuppressionTests
{
    /// <summary>Whether any withheld cell could be worked out as its line's total minus the line's published cells.</summary>
    private static bool AnyRecoverable(bool[,] hidden)
    {
        var (rows, columns) = (hidden.GetLength(0), hidden.GetLength(1));
        for (var r = 0; r < rows; r++)
        {
            if (Enumerable.Range(0, columns).Count(c => hidden[r, c]) == 1)
            {
                return true;
            }
        }

        for (var c = 0; c < columns; c++)
        {
            if (Enumerable.Range(0, rows).Count(r => hidden[r, c]) == 1)
            {
                return true;
            }
        }

        return false;
    }

    [Fact]
    public void Small_counts_are_withheld_and_zero_and_large_ones_are_not()
    {
        var hidden = Suppression.Apply(new[,] { { 0, 12 }, { 30, 40 } }, threshold: 5);

        Assert.False(hidden[0, 0]);
        Assert.False(hidden[0, 1]);
        Assert.False(AnyRecoverable(hidden));
        Assert.True(Suppression.IsSmall(1, 5));
        Assert.True(Suppression.IsSmall(4, 5));
        Assert.False(Suppression.IsSmall(5, 5));
        Assert.False(Suppression.IsSmall(0, 5));
    }

    [Fact]
    public void A_lone_small_count_gets_a_second_cell_withheld_in_its_row_and_column()
    {
        // Categories × months: a 3 in the middle; its row total (3 + 20 + 9 = 32) and column total (3 + 15 + 50 = 68) are published.
        int[,] counts = { { 10, 11, 12 }, { 3, 20, 9 }, { 50, 15, 60 } };

        var hidden = Suppression.Apply(counts, threshold: 5);

        Assert.True(hidden[1, 0]);
        Assert.True(hidden[1, 2], "the smallest other count in the row (9) is withheld too");
        Assert.True(hidden[0, 0], "the smallest other count in the column (10) is withheld too");
        Assert.False(hidden[3, 3], "the grand total stays published");
        Assert.False(AnyRecoverable(hidden));
    }

    [Fact]
    public void A_single_column_withholds_the_total_when_nothing_else_can_hide_the_small_count()
    {
        // One month only: a category's total over the months equals its one cell.
        var hidden = Suppression.Apply(new[,] { { 2 }, { 40 }, { 30 } }, threshold: 5);

        Assert.True(hidden[0, 0]);
        Assert.True(hidden[0, 1], "its row total equals it, and is small itself");
        Assert.True(hidden[2, 0], "the smaller other category (30) hides it from the column total");
        Assert.False(AnyRecoverable(hidden));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public void No_withheld_cell_is_ever_recoverable_from_a_line(int seed)
    {
        var random = new Random(seed);
        var counts = new int[6, 5];
        for (var r = 0; r < 6; r++)
        {
            for (var c = 0; c < 5; c++)
            {
                counts[r, c] = random.Next(0, 3) == 0 ? random.Next(0, 5) : random.Next(0, 40);
            }
        }

        var hidden = Suppression.Apply(counts, threshold: 5);

        Assert.False(AnyRecoverable(hidden));
        for (var r = 0; r < 6; r++)
        {
            for (var c = 0; c < 5; c++)
            {
                Assert.True(!Suppression.IsSmall(counts[r, c], 5) || hidden[r, c]);
            }
        }
    }
}
