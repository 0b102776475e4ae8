import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MailOutboxRow } from "@/db/schema";
import { renderMail } from "./layout";
import { oneLine } from "./one-line";
import { smtpTransport } from "./transport";

type Received = { from: string; to: string[]; data: string };

/** Just enough SMTP for nodemailer to hand over a message: what arrives is what a relay would get. */
function startSmtpListener(): Promise<{ port: number; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = net.createServer((socket) => {
    let buffer = "";
    let current: Received = { from: "", to: [], data: "" };
    let inData = false;
    socket.write("220 localhost test SMTP\r\n");
    socket.on("data", (chunk) => {
      buffer += chunk.toString("utf8");
      for (;;) {
        if (inData) {
          const end = buffer.indexOf("\r\n.\r\n");
          if (end < 0) return;
          current.data = buffer.slice(0, end);
          buffer = buffer.slice(end + 5);
          inData = false;
          received.push(current);
          current = { from: "", to: [], data: "" };
          socket.write("250 2.0.0 queued as TEST\r\n");
          continue;
        }
        const newline = buffer.indexOf("\r\n");
        if (newline < 0) return;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 2);
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") {
          socket.write("250-localhost\r\n250 8BITMIME\r\n");
        } else if (verb === "MAIL") {
          current.from = line;
          socket.write("250 OK\r\n");
        } else if (verb === "RCPT") {
          current.to.push(line);
          socket.write("250 OK\r\n");
        } else if (verb === "DATA") {
          inData = true;
          socket.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          socket.end("221 bye\r\n");
        } else {
          socket.write("250 OK\r\n");
        }
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, received, close: () => new Promise((done) => server.close(() => done())) });
    }),
  );
}

function row(overrides: Partial<MailOutboxRow>): MailOutboxRow {
  const { text, html } = renderMail({ title: "Reset your password", paragraphs: ["Hello <b>Sam</b>"], action: { label: "Choose a new password", url: "http://localhost:3000/reset-password?token=abc" } });
  return {
    id: "00000000-0000-4000-8000-000000000001",
    to: "student@nanoproblem.test",
    userId: null,
    kind: "password_reset",
    subject: "Reset your password",
    text,
    html,
    attachments: [],
    status: "queued",
    jobId: null,
    attempts: 0,
    lastError: null,
    transport: null,
    messageId: null,
    createdAt: new Date(),
    sentAt: null,
    ...overrides,
  };
}

describe("SMTP transport (nodemailer against a local SMTP listener)", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpListener>>;
  beforeAll(async () => {
    smtp = await startSmtpListener();
  });
  afterAll(async () => smtp.close());

  it("hands the relay one message with text, HTML and attachment, from MAIL_FROM to the recipient only", async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "Nano Problem <no-reply@nanoproblem.test>", { timeoutMs: 5000 });
    const calendar = Buffer.from("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n").toString("base64");
    // queueMail flattens the subject like this before it is stored; a CR/LF must not start a header.
    const subject = oneLine("Reset your password\r\nBcc: attacker@evil.test");
    const result = await transport.send(row({ subject, attachments: [{ filename: "invite.ics", contentType: "text/calendar", content: calendar }] }));
    expect(result.messageId).toMatch(/@/);
    expect(smtp.received).toHaveLength(1);
    const [message] = smtp.received;
    expect(message!.from).toContain("<no-reply@nanoproblem.test>");
    expect(message!.to).toEqual(["RCPT TO:<student@nanoproblem.test>"]);
    const headers = message!.data.slice(0, message!.data.indexOf("\r\n\r\n"));
    expect(headers).toMatch(/^Subject: Reset your password Bcc: attacker@evil.test$/m);
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(message!.data).toContain("Content-Type: text/plain");
    expect(message!.data).toContain("Content-Type: text/html");
    expect(message!.data).toMatch(/filename=invite\.ics/);
    expect(message!.data).toContain(calendar.slice(0, 20));
  });

  it("cannot be made to add a header even by a subject that skipped the outbox's flattening", async () => {
    const transport = smtpTransport(`smtp://127.0.0.1:${smtp.port}`, "no-reply@nanoproblem.test", { timeoutMs: 5000 });
    await transport.send(row({ subject: "Hi\r\nBcc: attacker@evil.test\r\n\r\nforged body" }));
    const message = smtp.received.at(-1)!;
    const headers = message.data.slice(0, message.data.indexOf("\r\n\r\n"));
    expect(headers).not.toMatch(/^Bcc:/im);
    expect(message.to).toEqual(["RCPT TO:<student@nanoproblem.test>"]);
  });

  it("fails the attempt (so the job retries) when the relay cannot be reached", async () => {
    const closed = await startSmtpListener();
    await closed.close();
    const transport = smtpTransport(`smtp://127.0.0.1:${closed.port}`, "no-reply@nanoproblem.test", { timeoutMs: 2000 });
    await expect(transport.send(row({}))).rejects.toThrow();
  });
});
