namespace Endorse.Hygiene;

/// <summary>The advocacy kit a program starts with: a one-page guide for customer-facing staff, ready to edit.</summary>
public static class AdvocacyKitDefault
{
    public const string Title = "Asking a customer to speak for us";

    public const string Body = """
        A one-page guide for everyone who meets customers: sales, service, consultants and senior managers.

        ## Why it matters

        - Prospects believe a peer who has done it before far more than anything we say about ourselves.
        - A good reference shortens a sales cycle and wins deals against cheaper competitors.
        - Most customers are glad to be asked well: it is recognition of their own good work.

        ## Who to ask

        - **Longstanding, satisfied customers** first. They have results to show and no implementation worries. New logos can wait.
        - **The most senior person you know.** The higher their role, the more weight their word carries with a prospect's leaders.
        - Someone you have a real relationship with, who has said good things about us without being asked.

        ## When not to ask (yet)

        Check the account's readiness in Endorse first. Wait when there are open service problems, a big bid in progress,
        a reorganisation, a renewal in the coming weeks, or a corporate policy against endorsing suppliers (then don't ask at all).

        ## How to ask

        1. **Start with what is in it for them:** visibility for their team's success, a place in a peer network, early sight
           of our roadmap, a chance to shape the product.
        2. **Be specific and small:** "a 30-minute call with a bank's IT director in March" is easy to say yes to;
           "would you be a reference?" is not.
        3. **Offer a choice:** a quote, a call, a short case study, a talk at an event. Let them pick what suits them.
        4. **Promise protection, and keep it:** we never overuse our references. They set how often and how they are contacted.

        > *"Your team's results with us have been impressive. Would you be open to a short call with a peer in your sector
        > who is weighing the same move? Thirty minutes, at a time that suits you, and only when you agree."*

        ## After they say yes

        - Nominate them in Endorse the same day (contact page, Nominate), with what they agreed to and why they are a good fit.
        - Tell the reference team anything they should know: preferences, topics to avoid, people to copy.
        - Thank them personally, and tell them later what their help achieved.

        ## If they say no

        Thank them, note why in Endorse, and ask again only when things have changed. A polite "not now" is still a relationship.
        """;
}
