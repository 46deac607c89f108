namespace Endorse.Accounts;

/// <summary>How satisfaction was measured: NPS (-100..100 for a company, 0..10 for one answer) or CSAT (0..100 %).</summary>
public enum SatisfactionKind
{
    None = 0,
    Nps = 1,
    Csat = 2,
}
