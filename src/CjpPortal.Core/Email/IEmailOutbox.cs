namespace CjpPortal.Core.Email;

/// <summary>Queues e-mail in the caller's unit of work: the row is added to the scoped <see cref="AppDbContext"/> and
/// saved by the caller's own <c>SaveChangesAsync</c>, so a change, its history and its e-mail commit (or roll back)
/// together. A dispatcher delivers saved rows later through <see cref="IEmailTransport"/>.</summary>
public interface IEmailOutbox
{
    void Enqueue(EmailMessage message);
}
