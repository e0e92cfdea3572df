using CjpPortal.Core.Domain;
using CjpPortal.Core.Rules;
using Microsoft.EntityFrameworkCore;

namespace CjpPortal.Core.Documents;

/// <summary>What refers to a document.</summary>
public enum DocumentUseKind
{
    Plan = 1,
    ParticipationStatement = 2,
    AnnualReport = 3,
}

/// <summary>One record that refers to a document, with what decides whether it is published: the plan's or
/// statement's plan period, or the return's reporting year (for saying which it is).</summary>
public sealed record DocumentUse(
    DocumentUseKind Kind,
    int RecordId,
    DateOnly? PublishedOn,
    DateOnly? PlanPeriodStart = null,
    DateOnly? PlanPeriodEnd = null,
    int? ReportingYearStart = null,
    DateOnly? ConsultationOpensOn = null);

/// <summary>A document's details (never its bytes) and the records that refer to it now. A document no record refers
/// to any more (replaced by another) has no uses.</summary>
public sealed record DocumentFacts(
    int Id,
    int PartnershipId,
    string FileName,
    DocumentFormat Format,
    long SizeBytes,
    string Sha256,
    DateTimeOffset UploadedAt,
    Guid? UploadedById,
    IReadOnlyList<DocumentUse> Plans,
    IReadOnlyList<DocumentUse> Statements,
    IReadOnlyList<DocumentUse> Reports)
{
    public IEnumerable<DocumentUse> Uses => Plans.Concat(Statements).Concat(Reports);
}

/// <summary>Who is asking for a document: whether they have national access (CJS staff and administrators, signed in
/// with both factors) and which partnerships they coordinate. Anyone signed out is <see cref="Anonymous"/>.</summary>
public sealed record DocumentViewer(bool HasNationalAccess, IReadOnlySet<int> CoordinatedPartnershipIds)
{
    public static DocumentViewer Anonymous { get; } = new(false, new HashSet<int>());
}

/// <summary>Who may download a document. It is public once a record that refers to it is published: a plan by
/// <see cref="PlanRules.IsPublished"/> or once its consultation has opened (people must read the draft to respond),
/// a participation statement or annual report when its published date has come.
/// Until then (a draft's document) and after it (a document replaced by another, kept for history) only the
/// partnership's coordinators and those with national access (CJS staff, administrators) may.</summary>
public static class DocumentVisibility
{
    public static bool IsPublished(DocumentUse use, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(use);
        return use.Kind == DocumentUseKind.Plan
            ? PlanRules.IsPublished(new PlanDates(use.RecordId, use.PlanPeriodStart ?? default, use.PlanPeriodEnd ?? default, null, null, use.PublishedOn), today)
                || use.ConsultationOpensOn is { } opens && opens <= today
            : use.PublishedOn is { } published && published <= today;
    }

    public static bool IsPublic(IEnumerable<DocumentUse> uses, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(uses);
        return uses.Any(use => IsPublished(use, today));
    }

    public static bool IsPublic(DocumentFacts document, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        return IsPublic(document.Uses, today);
    }

    /// <summary>The partnership's own staff: its coordinators, and those with national access.</summary>
    public static bool IsPartnershipStaff(int partnershipId, DocumentViewer viewer)
    {
        ArgumentNullException.ThrowIfNull(viewer);
        return viewer.HasNationalAccess || viewer.CoordinatedPartnershipIds.Contains(partnershipId);
    }

    public static bool MayDownload(DocumentFacts document, DocumentViewer viewer, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(document);
        return IsPublic(document, today) || IsPartnershipStaff(document.PartnershipId, viewer);
    }

    /// <summary>The documents' details with what refers to each, for <see cref="FindAsync"/> and lists of a
    /// partnership's documents (filter it first).</summary>
    public static IQueryable<DocumentFacts> Facts(AppDbContext db, IQueryable<Document>? documents = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        return (documents ?? db.Documents).AsNoTracking().Select(d => new DocumentFacts(
            d.Id,
            d.PartnershipId,
            d.FileName,
            d.Format,
            d.SizeBytes,
            d.Sha256,
            d.UploadedAt,
            d.UploadedById,
            db.Cjoips.Where(c => c.DocumentId == d.Id)
                .Select(c => new DocumentUse(DocumentUseKind.Plan, c.Id, c.PublishedOn, c.PeriodStart, c.PeriodEnd, null, c.ConsultationOpensOn)).ToList(),
            db.ParticipationStatements.Where(s => s.DocumentId == d.Id)
                .Select(s => new DocumentUse(DocumentUseKind.ParticipationStatement, s.Id, s.PublishedOn, s.Cjoip.PeriodStart, s.Cjoip.PeriodEnd, null)).ToList(),
            db.AnnualReturns.Where(r => r.ReportDocumentId == d.Id)
                .Select(r => new DocumentUse(DocumentUseKind.AnnualReport, r.Id, r.PublishedOn, null, null, r.ReportingYearStart)).ToList()));
    }

    /// <summary>Document <paramref name="id"/>'s details and uses, or null when there is none.</summary>
    public static Task<DocumentFacts?> FindAsync(AppDbContext db, int id, CancellationToken ct) =>
        Facts(db, db.Documents.Where(d => d.Id == id)).SingleOrDefaultAsync(ct);
}
