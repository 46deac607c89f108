using Endorse.Matching;

namespace Endorse.Tests.Matching;

public class LoadSpreadTests
{
    [Fact]
    public void Shows_the_share_of_the_busiest_tenth_and_who_was_never_asked()
    {
        var loads = new List<AdvocateLoad> { new(7, 30), new(3, 50) };
        loads.AddRange(Enumerable.Range(10, 5).Select(id => new AdvocateLoad(id, 4)));
        loads.AddRange(Enumerable.Range(20, 13).Select(id => new AdvocateLoad(id, 0)));

        var spread = LoadSpread.Compute(loads);

        Assert.Equal(20, spread.Advocates);
        Assert.Equal(100, spread.TotalActivities);
        Assert.Equal(2, spread.TopAdvocates);
        Assert.Equal(80, spread.TopActivities);
        Assert.Equal(0.8, spread.TopShare, 9);
        Assert.Equal(13, spread.NeverAsked);
        Assert.Equal([3, 7], spread.TopAdvocateIds);
    }

    [Fact]
    public void The_top_tenth_is_rounded_up_and_ties_go_to_the_lower_id()
    {
        var spread = LoadSpread.Compute([new(5, 2), new(4, 2), new(1, 1), new(2, 0), new(3, 0)]);

        Assert.Equal(1, spread.TopAdvocates);
        Assert.Equal([4], spread.TopAdvocateIds);
        Assert.Equal(0.4, spread.TopShare, 9);
        Assert.Equal(2, spread.NeverAsked);
    }

    [Fact]
    public void An_empty_or_unused_pool_has_no_share()
    {
        var empty = LoadSpread.Compute([]);
        var unused = LoadSpread.Compute([new(1, 0), new(2, 0)]);

        Assert.Equal((0, 0, 0, 0.0), (empty.Advocates, empty.TopAdvocates, empty.NeverAsked, empty.TopShare));
        Assert.Empty(empty.TopAdvocateIds);
        Assert.Equal(0, unused.TopShare);
        Assert.Equal(2, unused.NeverAsked);
        Assert.Equal(1, unused.TopAdvocates);
    }
}
