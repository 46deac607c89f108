using Endorse.Advocates;
using Endorse.Fatigue;
using Endorse.Requests;
using Endorse.Users;

namespace Endorse.Tests.Requests;

public sealed class RequestRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly RequestActor Manager = new("m", "Manager", [Roles.ReferenceManager]);
    private static readonly RequestActor Rep = new("r", "Rep", [Roles.SalesRep]);
    private static readonly RequestActor Owner = new("o", "Owner", [Roles.SalesRep]);

    private static RequestInput Input(DateOnly? neededBy = null, int? needed = null, string? prospect = "Globex", ActivityType? type = ActivityType.ReferenceCall) =>
        new(null, prospect, type, null, null, null, null, null, null, needed, neededBy ?? Today, null);

    [Fact]
    public void Needed_by_in_the_past_is_refused_and_today_is_fine()
    {
        Assert.Contains("NeededBy", Validate(Input(Today.AddDays(-1))));
        Assert.True(RequestRules.Validate(Input(Today), Today).IsValid);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(1, true)]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Advocates_needed_is_between_one_and_ten(int needed, bool valid) =>
        Assert.Equal(valid, RequestRules.Validate(Input(needed: needed), Today).IsValid);

    [Fact]
    public void An_opportunity_or_a_prospect_name_and_an_activity_type_are_required()
    {
        Assert.Contains("ProspectName", Validate(Input(prospect: " ")));
        Assert.Contains("ActivityType", Validate(Input(type: null)));
        Assert.Contains("ActivityType", Validate(Input(type: (ActivityType)99)));
    }

    [Fact]
    public void Feedback_needs_a_quality_from_one_to_five_when_it_happened()
    {
        Assert.True(RequestRules.ValidateFeedback(new(true, 5, true, null)).IsValid);
        Assert.False(RequestRules.ValidateFeedback(new(true, null, null, null)).IsValid);
        Assert.False(RequestRules.ValidateFeedback(new(true, 6, null, null)).IsValid);
        Assert.False(RequestRules.ValidateFeedback(new(null, 3, null, null)).IsValid);
        Assert.True(RequestRules.ValidateFeedback(new(false, null, null, null)).IsValid);
    }

    [Fact]
    public void The_reference_manager_picks_in_managed_mode_and_the_requester_too_in_self_serve()
    {
        Assert.True(RequestRules.MayPick(FulfilmentMode.Managed, "r", Manager));
        Assert.False(RequestRules.MayPick(FulfilmentMode.Managed, "r", Rep));
        Assert.True(RequestRules.MayPick(FulfilmentMode.SelfServe, "r", Rep));
        Assert.False(RequestRules.MayPick(FulfilmentMode.SelfServe, "someone-else", Rep));
    }

    [Fact]
    public void Actions_offered_follow_the_state_and_the_person()
    {
        Assert.Equal(["approve", "block"], RequestRules.ActionsFor(ParticipantStatus.AwaitingOwnerApproval, FulfilmentMode.Managed, "r", "o", Owner));
        Assert.Equal(["approve", "block", "cancel"], RequestRules.ActionsFor(ParticipantStatus.AwaitingOwnerApproval, FulfilmentMode.Managed, "r", "o", Manager));
        Assert.Equal(["cancel"], RequestRules.ActionsFor(ParticipantStatus.AwaitingOwnerApproval, FulfilmentMode.Managed, "r", "o", Rep));
        Assert.Equal(["schedule", "cancel"], RequestRules.ActionsFor(ParticipantStatus.Accepted, FulfilmentMode.Managed, "r", "o", Rep));
        Assert.Equal(["complete", "no-show", "cancel"], RequestRules.ActionsFor(ParticipantStatus.Scheduled, FulfilmentMode.Managed, "r", "o", Manager));
        Assert.Empty(RequestRules.ActionsFor(ParticipantStatus.Completed, FulfilmentMode.Managed, "r", "o", Manager));
        Assert.Empty(RequestRules.ActionsFor(ParticipantStatus.Scheduled, FulfilmentMode.Managed, "r", "o", Owner));
    }

    [Fact]
    public void Ask_links_are_43_base64url_characters_and_only_well_formed_ones_are_looked_up()
    {
        var token = AskLink.Create();
        Assert.True(AskLink.IsWellFormed(token));
        Assert.NotEqual(token, AskLink.Create());
        Assert.Equal(64, AskLink.Hash(token).Length);
        Assert.False(AskLink.IsWellFormed(token[..42]));
        Assert.False(AskLink.IsWellFormed(token[..42] + "/"));
        Assert.False(AskLink.IsWellFormed(null));
    }

    [Fact]
    public void Settings_fall_back_to_the_defaults_and_read_modes_per_activity_type()
    {
        Assert.Same(FatiguePolicy.Default, ProgramSettingsReader.ParsePolicy(null));
        Assert.Same(FatiguePolicy.Default, ProgramSettingsReader.ParsePolicy("{not json"));
        Assert.Equal(7, ProgramSettingsReader.ParsePolicy("{\"coolDownDays\":7}").CoolDownDays);
        Assert.Equal(FulfilmentMode.Managed, ProgramSettingsReader.ParseMode(null, ActivityType.RfpLetter));
        Assert.Equal(FulfilmentMode.SelfServe, ProgramSettingsReader.ParseMode("{\"RfpLetter\":\"SelfServe\"}", ActivityType.RfpLetter));
        Assert.Equal(FulfilmentMode.Managed, ProgramSettingsReader.ParseMode("{\"RfpLetter\":\"SelfServe\"}", ActivityType.ReferenceCall));
    }

    private static IEnumerable<string> Validate(RequestInput input) => RequestRules.Validate(input, Today).ToDictionary().Keys;
}
