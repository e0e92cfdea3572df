"""An aiosmtpd handler for the mail tests: a Maildir like aiosmtpd.handlers.Mailbox, except that it refuses one
recipient for good (550), as a server does for a mailbox that does not exist.

    python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c refusing_mailbox.RefusingMailbox MAILDIR refused@example.org
"""
from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    def __init__(self, mail_dir, refused):
        super().__init__(mail_dir)
        self.refused = refused.lower()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.lower() == self.refused:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    @classmethod
    def from_cli(cls, parser, *args):
        if len(args) != 2:
            parser.error("RefusingMailbox needs a Maildir and the address to refuse")
        return cls(args[0], args[1])
