using Endorse.Import;

namespace Endorse.Tests.Import;

public class ImportNodeTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_worker_is_gone_when_its_lease_has_lapsed_or_it_never_had_one()
    {
        Assert.True(ImportNode.WorkerIsGone(Now.AddSeconds(-1), Now));
        Assert.True(ImportNode.WorkerIsGone(null, Now));
        Assert.False(ImportNode.WorkerIsGone(Now.AddSeconds(1), Now));
        Assert.False(ImportNode.WorkerIsGone(Now, Now));
    }

    [Fact]
    public void A_node_renews_four_times_and_sweeps_twice_per_lease_and_names_its_machine_and_process()
    {
        var node = new ImportNode(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromSeconds(30), node.RenewEvery);
        Assert.Equal(TimeSpan.FromMinutes(1), node.SweepEvery);
        Assert.StartsWith($"{Environment.MachineName}/{Environment.ProcessId}/", node.Id, StringComparison.Ordinal);
        Assert.NotEqual(node.Id, new ImportNode(TimeSpan.FromMinutes(2)).Id);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ImportNode(TimeSpan.Zero));
    }

    [Fact]
    public void The_history_sentence_says_who_stopped_that_nothing_was_imported_and_what_to_do()
    {
        var kept = ImportNode.InterruptedSentence("web-2/77/ab12cd34", Now, fileKept: true);
        Assert.Equal("Interrupted: the worker running it (web-2/77/ab12cd34) stopped (its lease ran out at 2026-12-03 12:00:00 UTC) before the import finished. " +
            "Its transaction was rolled back, so nothing of the file was imported. The uploaded file is kept: run it again.", kept);
        Assert.EndsWith("run the command again.", ImportNode.InterruptedSentence(null, null, fileKept: false), StringComparison.Ordinal);
    }
}
