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
    public void A_request_is_read_by_its_requester_the_program_and_the_advocates_owners_only()
    {
        string?[] owners = [null, "o"];
        Assert.True(RequestRules.MaySee("r", owners, Manager));
        Assert.True(RequestRules.MaySee("r", owners, Rep));
        Assert.True(RequestRules.MaySee("r", owners, Owner));
        Assert.True(RequestRules.MaySee("r", [], new RequestActor("m", "M", [Roles.SalesManager])));
        Assert.True(RequestRules.MaySee("r", [], new RequestActor("e", "E", [Roles.Executive])));
        Assert.False(RequestRules.MaySee("x", owners, Rep));
        Assert.False(RequestRules.MaySee("x", [], Owner));
        Assert.False(RequestRules.MaySee("x", owners, new RequestActor("k", "K", [Roles.Marketing, Roles.CustomerSuccess])));
    }

    [Fact]
    public void Reference_managers_administrators_sales_managers_and_executives_read_every_request_and_no_one_else_does()
    {
        Assert.True(RequestRules.SeesEveryRequest(Manager));
        Assert.True(RequestRules.SeesEveryRequest(new RequestActor("a", "A", [Roles.Administrator])));
        Assert.True(RequestRules.SeesEveryRequest(new RequestActor("m", "M", [Roles.SalesManager])));
        Assert.True(RequestRules.SeesEveryRequest(new RequestActor("e", "E", [Roles.Executive])));
        Assert.False(RequestRules.SeesEveryRequest(Rep));
        Assert.False(RequestRules.SeesEveryRequest(new RequestActor("k", "K", [Roles.Marketing, Roles.CustomerSuccess, Roles.SalesRep])));
    }

    [Fact]
    public void A_notification_links_to_the_request_it_is_about()
    {
        Assert.Equal(12, Endorse.Notifications.Inbox.RequestOf("/requests/12"));
        Assert.Equal(12, Endorse.Notifications.Inbox.RequestOf("/requests/12?tab=history"));
        Assert.Null(Endorse.Notifications.Inbox.RequestOf("/requests/new"));
        Assert.Null(Endorse.Notifications.Inbox.RequestOf("/advocates/12"));
        Assert.Null(Endorse.Notifications.Inbox.RequestOf("https://x.example/requests/12"));
        Assert.Null(Endorse.Notifications.Inbox.RequestOf(null));
    }

    [Fact]
    public void Actions_offered_follow_the_state_and_the_person()
    {
        Assert.Equal(["approve", "block"], RequestRules.ActionsFor(ParticipantStatus.AwaitingOwnerApproval, FulfilmentMode.Managed, "r", "o", Owner, started: true));
        Assert.Equal(["approve", "block", "cancel"], RequestRules.ActionsFor(ParticipantStatus.AwaitingOwnerApproval, FulfilmentMode.Managed, "r", "o", Manager, started: true));
        Assert.Equal(["cancel"], RequestRules.ActionsFor(ParticipantStatus.AwaitingOwnerApproval, FulfilmentMode.Managed, "r", "o", Rep, started: true));
        Assert.Equal(["schedule", "cancel"], RequestRules.ActionsFor(ParticipantStatus.Accepted, FulfilmentMode.Managed, "r", "o", Rep, started: true));
        Assert.Equal(["complete", "no-show", "cancel"], RequestRules.ActionsFor(ParticipantStatus.Scheduled, FulfilmentMode.Managed, "r", "o", Manager, started: true));
        Assert.Empty(RequestRules.ActionsFor(ParticipantStatus.Completed, FulfilmentMode.Managed, "r", "o", Manager, started: true));
        Assert.Empty(RequestRules.ActionsFor(ParticipantStatus.Scheduled, FulfilmentMode.Managed, "r", "o", Owner, started: true));

        // Whether it happened is told once its time has come.
        Assert.Equal(["cancel"], RequestRules.ActionsFor(ParticipantStatus.Scheduled, FulfilmentMode.Managed, "r", "o", Rep, started: false));
        Assert.True(RequestRules.HasStarted(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        Assert.False(RequestRules.HasStarted(new DateTimeOffset(2026, 11, 23, 9, 1, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
        Assert.False(RequestRules.HasStarted(null, new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void At_most_twenty_products_and_a_short_language_are_accepted()
    {
        Assert.True(RequestRules.Validate(Input() with { ProductIds = [.. Enumerable.Range(1, 20)], Language = "Portuguese" }, Today).IsValid);
        Assert.Contains("ProductIds", Validate(Input() with { ProductIds = [.. Enumerable.Range(1, 21)] }));
        Assert.Contains("Language", Validate(Input() with { Language = new string('x', 36) }));
    }

    [Fact]
    public void A_request_takes_as_many_advocates_as_it_needs_and_ended_approaches_free_their_place()
    {
        ParticipantStatus[] oneLive = [ParticipantStatus.Asked, ParticipantStatus.Declined, ParticipantStatus.OwnerBlocked, ParticipantStatus.Cancelled, ParticipantStatus.NoShow];
        Assert.Equal(1, RequestRules.StillNeeded(2, oneLive));
        Assert.Null(RequestRules.ProposalLimit(2, oneLive, 1));
        Assert.Equal("This request needs 2 advocates and has 1: pick at most 1 more.", RequestRules.ProposalLimit(2, oneLive, 2));
        Assert.Equal("This request already has the 1 advocate it needs.", RequestRules.ProposalLimit(1, [ParticipantStatus.Completed], 1));
        Assert.Equal(0, RequestRules.StillNeeded(1, [ParticipantStatus.Scheduled, ParticipantStatus.Asked]));
    }

    [Fact]
    public void An_advocate_is_proposed_only_when_they_do_the_activity_and_are_free_by_the_needed_by_date()
    {
        var free = FatigueResult.Free(Today, FatigueHeadroom.Unlimited);
        var coolingDown = new FatigueResult(Today, [new FatigueBlock(BlockReasons.CoolDown, Today) { From = Today.AddDays(-9), Days = 14, FreeOn = Today.AddDays(5) }], FatigueHeadroom.Unlimited, Today.AddDays(5));
        var doNotContact = new FatigueResult(Today, [new FatigueBlock(BlockReasons.DoNotContact, Today)], FatigueHeadroom.Unlimited, null);

        Assert.Null(RequestRules.ProposalBlock(true, ActivityType.ReferenceCall, free, Today, Today));
        Assert.Equal("does not do reference calls.", RequestRules.ProposalBlock(false, ActivityType.ReferenceCall, free, Today.AddDays(9), Today));
        Assert.Null(RequestRules.ProposalBlock(true, ActivityType.ReferenceCall, coolingDown, Today.AddDays(5), Today));
        Assert.NotNull(RequestRules.ProposalBlock(true, ActivityType.ReferenceCall, coolingDown, Today.AddDays(4), Today));
        Assert.Equal("Marked do-not-contact.", RequestRules.ProposalBlock(true, ActivityType.ReferenceCall, doNotContact, Today.AddDays(60), Today));
    }

    [Fact]
    public void The_advocates_feedback_needs_a_rating_and_only_a_manager_records_it_once_after_completion()
    {
        Assert.True(RequestRules.ValidateAdvocateFeedback(new(4, null)).IsValid);
        Assert.False(RequestRules.ValidateAdvocateFeedback(new(null, "fine")).IsValid);
        Assert.False(RequestRules.ValidateAdvocateFeedback(new(0, null)).IsValid);
        Assert.True(RequestRules.MayRecordAdvocateFeedback(ParticipantStatus.Completed, given: false, Manager));
        Assert.False(RequestRules.MayRecordAdvocateFeedback(ParticipantStatus.Completed, given: true, Manager));
        Assert.False(RequestRules.MayRecordAdvocateFeedback(ParticipantStatus.Scheduled, given: false, Manager));
        Assert.False(RequestRules.MayRecordAdvocateFeedback(ParticipantStatus.Completed, given: false, Rep));
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
