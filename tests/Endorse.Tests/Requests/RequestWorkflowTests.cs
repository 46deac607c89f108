using Endorse.Requests;

namespace Endorse.Tests.Requests;

public class RequestWorkflowTests
{
    [Theory]
    [InlineData(ParticipantStatus.Proposed, ParticipantStatus.AwaitingOwnerApproval, true)]
    [InlineData(ParticipantStatus.AwaitingOwnerApproval, ParticipantStatus.OwnerBlocked, true)]
    [InlineData(ParticipantStatus.Asked, ParticipantStatus.Accepted, true)]
    [InlineData(ParticipantStatus.Accepted, ParticipantStatus.Scheduled, true)]
    [InlineData(ParticipantStatus.Scheduled, ParticipantStatus.NoShow, true)]
    [InlineData(ParticipantStatus.Declined, ParticipantStatus.Accepted, false)]
    [InlineData(ParticipantStatus.Accepted, ParticipantStatus.Accepted, false)]
    [InlineData(ParticipantStatus.Proposed, ParticipantStatus.Scheduled, false)]
    [InlineData(ParticipantStatus.OwnerBlocked, ParticipantStatus.Asked, false)]
    [InlineData(ParticipantStatus.Completed, ParticipantStatus.Cancelled, false)]
    public void Only_the_next_steps_of_the_workflow_are_allowed(ParticipantStatus from, ParticipantStatus to, bool allowed) =>
        Assert.Equal(allowed, RequestWorkflow.CanMove(from, to));

    [Fact]
    public void A_refused_move_says_what_could_follow()
    {
        Assert.Equal(
            "This approach is asked; it cannot become scheduled. It can become: accepted, declined, cancelled.",
            RequestWorkflow.Refusal(ParticipantStatus.Asked, ParticipantStatus.Scheduled));
        Assert.Equal("This approach is declined; it cannot change any more.", RequestWorkflow.Refusal(ParticipantStatus.Declined, ParticipantStatus.Accepted));
    }

    [Fact]
    public void The_account_owner_approves_unless_they_picked_the_advocate_themselves()
    {
        Assert.True(RequestWorkflow.NeedsOwnerApproval("owner", "rep"));
        Assert.False(RequestWorkflow.NeedsOwnerApproval("owner", "owner"));
        Assert.False(RequestWorkflow.NeedsOwnerApproval(null, "rep"));
    }

    [Fact]
    public void A_request_shows_the_furthest_step_of_its_live_approaches()
    {
        Assert.Equal(RequestStatus.Submitted, RequestWorkflow.StatusOf(false, 1, []));
        Assert.Equal(RequestStatus.Matched, RequestWorkflow.StatusOf(false, 1, [ParticipantStatus.Proposed]));
        Assert.Equal(RequestStatus.AdvocateAsked, RequestWorkflow.StatusOf(false, 2, [ParticipantStatus.Asked, ParticipantStatus.AwaitingOwnerApproval]));
        Assert.Equal(RequestStatus.Scheduled, RequestWorkflow.StatusOf(false, 2, [ParticipantStatus.Scheduled, ParticipantStatus.Declined]));
        Assert.Equal(RequestStatus.Scheduled, RequestWorkflow.StatusOf(false, 2, [ParticipantStatus.Completed, ParticipantStatus.Scheduled]));
    }

    [Fact]
    public void A_request_completes_when_enough_advocates_completed()
    {
        Assert.Equal(RequestStatus.Completed, RequestWorkflow.StatusOf(false, 1, [ParticipantStatus.Completed, ParticipantStatus.Asked]));
        Assert.Equal(RequestStatus.Completed, RequestWorkflow.StatusOf(false, 2, [ParticipantStatus.Completed, ParticipantStatus.Declined]));
    }

    [Fact]
    public void A_request_whose_every_approach_ended_shows_how()
    {
        Assert.Equal(RequestStatus.Declined, RequestWorkflow.StatusOf(false, 1, [ParticipantStatus.Declined, ParticipantStatus.OwnerBlocked]));
        Assert.Equal(RequestStatus.NoShow, RequestWorkflow.StatusOf(false, 1, [ParticipantStatus.NoShow]));
        Assert.Equal(RequestStatus.Matched, RequestWorkflow.StatusOf(false, 1, [ParticipantStatus.OwnerBlocked]));
        Assert.Equal(RequestStatus.Cancelled, RequestWorkflow.StatusOf(true, 1, [ParticipantStatus.Scheduled]));
    }

    [Fact]
    public void Overdue_and_due_within_72_hours_are_flagged_only_while_open()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.True(RequestWorkflow.IsOverdue(RequestStatus.AdvocateAsked, today.AddDays(-1), today));
        Assert.False(RequestWorkflow.IsOverdue(RequestStatus.Completed, today.AddDays(-1), today));
        Assert.True(RequestWorkflow.IsDueSoon(RequestStatus.Submitted, today.AddDays(3), today));
        Assert.False(RequestWorkflow.IsDueSoon(RequestStatus.Submitted, today.AddDays(4), today));
        Assert.False(RequestWorkflow.IsDueSoon(RequestStatus.Submitted, today.AddDays(-1), today));
    }
}
