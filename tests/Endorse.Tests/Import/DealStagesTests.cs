using Endorse.Import;

namespace Endorse.Tests.Import;

public class DealStagesTests
{
    [Theory]
    [InlineData("Closed Won", DealOutcome.Won)]
    [InlineData("closedwon", DealOutcome.Won)]
    [InlineData("CLOSED WON", DealOutcome.Won)]
    [InlineData("Closed Lost", DealOutcome.Lost)]
    [InlineData("closedlost", DealOutcome.Lost)]
    [InlineData("appointmentscheduled", DealOutcome.Open)]
    [InlineData("Appointment Scheduled", DealOutcome.Open)]
    [InlineData("Qualified To Buy", DealOutcome.Open)]
    [InlineData("Decision Maker Bought-In", DealOutcome.Open)]
    [InlineData("contractsent", DealOutcome.Open)]
    [InlineData("Prospecting", DealOutcome.Open)]
    [InlineData("Id. Decision Makers", DealOutcome.Open)]
    [InlineData("Proposal/Price Quote", DealOutcome.Open)]
    [InlineData("Negotiation/Review", DealOutcome.Open)]
    public void HubSpots_default_pipeline_and_Salesforces_standard_stages_are_known_by_label_and_id(string stage, DealOutcome expected) =>
        Assert.Equal((expected, ImportReadingBasis.BuiltIn), DealStages.Read(stage));

    [Theory]
    [InlineData("Won - Renewal", DealOutcome.Won)]
    [InlineData("Gewonnen", DealOutcome.Won)]
    [InlineData("Perdu (prix)", DealOutcome.Lost)]
    [InlineData("Lost to competitor", DealOutcome.Lost)]
    [InlineData("Disqualified", DealOutcome.Lost)]
    public void Other_stages_whose_words_say_won_or_lost_are_guessed(string stage, DealOutcome expected) =>
        Assert.Equal((expected, ImportReadingBasis.Guessed), DealStages.Read(stage));

    [Theory]
    [InlineData("98765432")]
    [InlineData("Verbal commit")]
    [InlineData("Wonder phase")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_else_is_open_and_not_recognised(string? stage) =>
        Assert.Equal((DealOutcome.Open, ImportReadingBasis.Unknown), DealStages.Read(stage));

    [Fact]
    public void A_persons_mapping_comes_first_even_over_a_standard_stage()
    {
        var mappings = new Dictionary<string, DealOutcome> { [ImportValues.Key("98765432")] = DealOutcome.Won, [ImportValues.Key("Closed Lost")] = DealOutcome.Open };

        Assert.Equal((DealOutcome.Won, ImportReadingBasis.Mapping), DealStages.Read("98765432", mappings));
        Assert.Equal((DealOutcome.Open, ImportReadingBasis.Mapping), DealStages.Read("closed lost", mappings));
        Assert.Equal((DealOutcome.Won, ImportReadingBasis.BuiltIn), DealStages.Read("Closed Won", mappings));
    }

    [Theory]
    [InlineData(DealOutcome.Won, null, null, true, true)]
    [InlineData(DealOutcome.Lost, null, null, false, true)]
    [InlineData(DealOutcome.Open, null, null, false, false)]
    [InlineData(DealOutcome.Open, true, null, true, true)]
    [InlineData(DealOutcome.Won, false, false, false, false)]
    [InlineData(DealOutcome.Open, null, true, false, true)]
    [InlineData(DealOutcome.Won, null, false, true, true)]
    public void The_files_own_columns_win_over_the_stage_and_a_won_deal_is_closed(DealOutcome stage, bool? fileWon, bool? fileClosed, bool won, bool closed) =>
        Assert.Equal((won, closed), DealStages.Outcome(stage, fileWon, fileClosed));
}
