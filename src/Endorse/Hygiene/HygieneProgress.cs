namespace Endorse.Hygiene;

/// <summary>The hygiene score over time, from the answers recorded. Pure.</summary>
public static class HygieneProgress
{
    /// <summary>
    /// On each day an answer was recorded for, the score of the answers then current (the latest per question on or before
    /// that day; a later-recorded answer for the same day wins), oldest day first.
    /// </summary>
    public static IReadOnlyList<HygieneProgressPoint> Compute(IReadOnlyList<HygieneAnswerRow> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var ordered = answers.OrderBy(a => a.AnsweredOn).ThenBy(a => a.Id).ToList();
        var current = new Dictionary<HygieneQuestion, HygieneAnswerValue>();
        var points = new List<HygieneProgressPoint>();
        for (var i = 0; i < ordered.Count; i++)
        {
            current[ordered[i].Question] = ordered[i].Answer;
            if (i + 1 < ordered.Count && ordered[i + 1].AnsweredOn == ordered[i].AnsweredOn)
            {
                continue;
            }

            var yes = current.Values.Count(v => v == HygieneAnswerValue.Yes);
            var partly = current.Values.Count(v => v == HygieneAnswerValue.Partly);
            var no = current.Values.Count(v => v == HygieneAnswerValue.No);
            points.Add(new HygieneProgressPoint(ordered[i].AnsweredOn, yes + (partly * 0.5), yes, partly, no, HygieneText.All.Count - current.Count));
        }

        return points;
    }

    /// <summary>The latest answer of each question (by its day, then the order recorded).</summary>
    public static IReadOnlyDictionary<HygieneQuestion, HygieneAnswerRow> Current(IReadOnlyList<HygieneAnswerRow> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        return answers.GroupBy(a => a.Question).ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.AnsweredOn).ThenByDescending(a => a.Id).First());
    }
}
