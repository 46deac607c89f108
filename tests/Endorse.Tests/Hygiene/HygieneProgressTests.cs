using Endorse.Hygiene;

namespace Endorse.Tests.Hygiene;

public class HygieneProgressTests
{
    private static HygieneAnswerRow Answer(int id, HygieneQuestion q, HygieneAnswerValue a, string on) =>
        new(id, q, a, "evidence", DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), "Rita", DateTimeOffset.UnixEpoch);

    [Fact]
    public void The_score_on_each_day_counts_the_answers_then_current()
    {
        var answers = new[]
        {
            Answer(1, HygieneQuestion.ExecutiveSponsorship, HygieneAnswerValue.No, "2026-01-10"),
            Answer(2, HygieneQuestion.AdvocacyKit, HygieneAnswerValue.Partly, "2026-01-10"),
            Answer(3, HygieneQuestion.ExecutiveSponsorship, HygieneAnswerValue.Yes, "2026-06-01"),
            Answer(4, HygieneQuestion.AdvocacyKit, HygieneAnswerValue.Yes, "2026-09-15"),
        };

        var progress = HygieneProgress.Compute(answers);

        Assert.Equal(
            [
                new HygieneProgressPoint(new DateOnly(2026, 1, 10), 0.5, 0, 1, 1, 4),
                new HygieneProgressPoint(new DateOnly(2026, 6, 1), 1.5, 1, 1, 0, 4),
                new HygieneProgressPoint(new DateOnly(2026, 9, 15), 2, 2, 0, 0, 4),
            ],
            progress);
    }

    [Fact]
    public void An_answer_recorded_later_for_an_earlier_day_takes_its_place_in_the_history()
    {
        var answers = new[]
        {
            Answer(1, HygieneQuestion.ManagersTargets, HygieneAnswerValue.Yes, "2026-05-01"),
            Answer(2, HygieneQuestion.ManagersTargets, HygieneAnswerValue.No, "2026-03-01"),
        };

        Assert.Equal(HygieneAnswerValue.Yes, HygieneProgress.Current(answers)[HygieneQuestion.ManagersTargets].Answer);
        Assert.Equal([0d, 1d], HygieneProgress.Compute(answers).Select(p => p.Score));
    }

    [Fact]
    public void The_kit_renders_markdown_and_shows_raw_html_as_text()
    {
        var html = HygieneService.ToHtml("## Ask well\n\n- **Be specific**\n\n<script>alert(1)</script>");

        Assert.Contains("<h2", html, StringComparison.Ordinal);
        Assert.Contains("<strong>Be specific</strong>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_printable_kit_is_one_self_contained_page_with_print_styles()
    {
        var page = HygieneService.PrintablePage(new AdvocacyKitView("Ask <well>", "x", "<p>x</p>", null, null, true, false));

        Assert.StartsWith("<!DOCTYPE html>", page, StringComparison.Ordinal);
        Assert.Contains("@media print", page, StringComparison.Ordinal);
        Assert.Contains("<title>Ask &lt;well&gt;</title>", page, StringComparison.Ordinal);
    }
}
