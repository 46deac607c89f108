using Endorse.Advocates;
using Endorse.Formatting;
using Endorse.Matching;
using Endorse.Requests;

namespace Endorse.Tests.Formatting;

public class WordsTests
{
    [Fact]
    public void Every_enum_of_the_core_has_its_words()
    {
        var enums = typeof(Words).Assembly.GetTypes()
            .Where(t => t.IsEnum && t.IsPublic && t.Namespace?.StartsWith("Endorse", StringComparison.Ordinal) == true && t.Name != "DatabaseProvider" && t.Name != "LinkState" && t.Name != "StepKind");
        Assert.All(enums, type => Assert.True(Words.Covers(type), $"{type.Name} has values without words"));
    }

    [Fact]
    public void Values_read_as_words_not_code_names()
    {
        Assert.Equal("reference call", Words.Phrase(ActivityType.ReferenceCall));
        Assert.Equal("RFP letter", Words.Label(ActivityType.RfpLetter));
        Assert.Equal("Room under the fatigue caps", Words.Label(MatchFactor.FatigueHeadroom));
        Assert.Equal("Seniority of the advocate", Words.Label(MatchFactor.SeniorityTier));
        Assert.Equal("Awaiting the owner's approval", Words.Label(ParticipantStatus.AwaitingOwnerApproval));
        Assert.Equal("`Managed`: managed by the reference team; `SelfServe`: self-serve by the requester", Words.ApiDescription(typeof(FulfilmentMode)));
    }

    [Fact]
    public void A_validation_message_names_the_values_in_words()
    {
        var errors = new Endorse.Listing.ValidationErrors().Defined("mode", (FulfilmentMode)7, "Fulfilment mode");
        Assert.Equal("Fulfilment mode must be one of: Managed (managed by the reference team), SelfServe (self-serve by the requester).", errors.ToDictionary()["mode"][0]);
    }
}
