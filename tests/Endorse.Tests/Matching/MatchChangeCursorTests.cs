using Endorse.Matching;

namespace Endorse.Tests.Matching;

public class MatchChangeCursorTests
{
    private readonly ManualClock time = new();

    [Fact]
    public void New_ids_are_taken_once_and_in_order()
    {
        var cursor = new MatchChangeCursor(10);

        Assert.Equal([11, 12], cursor.Accept([12, 11, 12], time.GetTimestamp(), time));
        Assert.Empty(cursor.Accept([11, 12], time.GetTimestamp(), time));
        Assert.Equal(12, cursor.Last);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void An_id_committed_late_is_still_taken()
    {
        // PostgreSQL: id 12 was taken by a transaction still open when 13 committed and was read.
        var cursor = new MatchChangeCursor(10);
        Assert.Equal([11, 13], cursor.Accept([11, 13], time.GetTimestamp(), time));
        Assert.Equal([12L], cursor.Gaps);
        Assert.Equal(13L, cursor.Position.Last);
        Assert.Equal([12L], cursor.Position.Gaps);

        Assert.Equal([12, 14], cursor.Accept([12, 14], time.GetTimestamp(), time));
        Assert.Empty(cursor.Gaps);
        Assert.Equal(14, cursor.Last);
    }

    [Fact]
    public void A_gap_that_never_fills_is_given_up_after_its_lifetime()
    {
        // A rolled-back insert leaves its id unused for good.
        var cursor = new MatchChangeCursor(0);
        cursor.Accept([2], time.GetTimestamp(), time);
        Assert.Equal([1L], cursor.Gaps);

        time.Advance(MatchChangeCursor.GapLifetime - TimeSpan.FromSeconds(1));
        cursor.Accept([], time.GetTimestamp(), time);
        Assert.Equal([1L], cursor.Gaps);

        time.Advance(TimeSpan.FromSeconds(2));
        cursor.Accept([], time.GetTimestamp(), time);
        Assert.Empty(cursor.Gaps);
    }

    [Fact]
    public void Gaps_are_bounded()
    {
        var cursor = new MatchChangeCursor(0);
        cursor.Accept([5_000], time.GetTimestamp(), time);
        Assert.True(cursor.Gaps.Count <= MatchChangeCursor.MaxGaps);
        Assert.Equal(5_000, cursor.Last);
    }

    [Fact]
    public void A_restored_cursor_asks_for_its_gaps_again()
    {
        var cursor = MatchChangeCursor.Restore(20, [17, 19], time.GetTimestamp());
        Assert.Equal([17, 21], cursor.Accept([17, 21], time.GetTimestamp(), time));
        Assert.Equal([19L], cursor.Gaps);
    }

    /// <summary>A clock whose timestamps move only when told.</summary>
    private sealed class ManualClock : TimeProvider
    {
        private long ticks = 1_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => ticks;

        public void Advance(TimeSpan by) => ticks += by.Ticks;
    }
}
