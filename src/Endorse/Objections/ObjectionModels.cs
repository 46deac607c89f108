using Endorse.Requests;

namespace Endorse.Objections;

/// <summary>What a pattern of service-problem objections is about.</summary>
public enum EscalationScope
{
    Product = 0,
    Sector = 1,
}

/// <summary>An episode of service-problem objections in one product or sector, and who was told (once).</summary>
public class ServiceEscalation
{
    public int Id { get; set; }
    public EscalationScope Scope { get; set; }

    /// <summary>The product's or the sector's id.</summary>
    public int ScopeId { get; set; }

    public string? ScopeName { get; set; }

    /// <summary>The objection that made the episode: with the scope, it identifies the episode (unique).</summary>
    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset NotifiedAt { get; set; }

    /// <summary>The people told, by name, comma-separated.</summary>
    public string? NotifiedNames { get; set; }

    /// <summary>The accounts involved when it started, comma-separated names.</summary>
    public required string Accounts { get; set; }

    public int AccountCount { get; set; }
}

/// <summary>One blocked approach, with the account and the people behind it.</summary>
public sealed record ObjectionRow(
    int RequestId,
    int ParticipantId,
    DateTimeOffset At,
    ObjectionReason Objection,
    string? Note,
    int AccountId,
    string AccountName,
    string? OwnerId,
    string? OwnerName,
    int? SalesAreaId,
    string? SalesAreaName);

/// <summary>A blocked approach as a CSV line.</summary>
public sealed record ObjectionCsvRow(string Date, string Month, string Objection, string? Note, string Account, string? Owner, string? SalesArea, int RequestId);

/// <summary>The report's dimensions.</summary>
public enum ObjectionGrouping
{
    Objection = 0,
    Owner = 1,
    SalesArea = 2,
    Month = 3,
}

/// <summary>The filters of the objections report and list. Months are "yyyy-MM", inclusive.</summary>
public sealed record ObjectionFilter(
    ObjectionReason? Objection = null,
    string? OwnerId = null,
    int? SalesAreaId = null,
    string? FromMonth = null,
    string? ToMonth = null,
    int? ProductId = null,
    int? SectorId = null,
    string? Search = null);

/// <summary>An account behind a figure, with how many of the figure's objections are its.</summary>
public sealed record ObjectionAccount(int AccountId, string Name, int Count);

/// <summary>One figure of the report: the group, how many objections, and the accounts behind them.</summary>
public sealed record ObjectionFigure(string Key, string Label, int Count, IReadOnlyList<ObjectionAccount> Accounts);

/// <summary>The objections report: figures by the chosen dimension, most first (months in order).</summary>
public sealed record ObjectionReport(ObjectionGrouping GroupBy, int Total, IReadOnlyList<ObjectionFigure> Figures);

/// <summary>An episode as listed.</summary>
public sealed record EscalationRow(int Id, EscalationScope Scope, int ScopeId, string? ScopeName, DateTimeOffset StartedAt, DateTimeOffset NotifiedAt, string? NotifiedNames, string Accounts, int AccountCount);
