using Endorse.Import;

namespace Endorse.Tests.Import;

public class SeenIdSetTests
{
    [Fact]
    public void A_repeated_id_is_refused_and_ids_differing_in_case_or_accent_are_not()
    {
        var seen = new SeenIdSet();

        Assert.True(seen.Add("003A01"));
        Assert.False(seen.Add("003A01"));
        Assert.True(seen.Add("003a01"));
        Assert.True(seen.Add("Zoë-1"));
        Assert.True(seen.Add("Zoe-1"));
        Assert.False(seen.Add("Zoë-1"));
        Assert.Equal(4, seen.Count);
    }

    [Fact]
    public void Every_one_of_a_million_ids_is_found_again_exactly()
    {
        // Enough ids to fill several 1 MB blocks and grow the table many times.
        var seen = new SeenIdSet();
        for (var i = 0; i < 1_000_000; i++)
        {
            Assert.True(seen.Add("003B" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)));
        }

        for (var i = 0; i < 1_000_000; i += 997)
        {
            Assert.False(seen.Add("003B" + i.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.True(seen.Add("003B" + 1_000_000.ToString("D10", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1_000_001, seen.Count);
    }

    [Fact]
    public void A_long_id_is_stored_whole()
    {
        var seen = new SeenIdSet();
        var id = new string('x', 5_000);

        Assert.True(seen.Add(id));
        Assert.False(seen.Add(id));
        Assert.True(seen.Add(id[..^1] + "y"));
    }
}
