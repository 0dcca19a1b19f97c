// A small client of Firefox's Marionette protocol, the remote control built into Firefox.
//
// Why our own: the npm clients of Marionette are unmaintained (last releases years ago), and the
// maintained WebDriver clients reach Firefox through geckodriver, a separate download this
// project can't rely on. Marionette itself needs no driver: `firefox --marionette` listens on a
// local port. The protocol is small: each message is `LENGTH:JSON`, a command is
// `[0, id, name, params]` and its answer `[1, id, error, result]`. Commands follow WebDriver's
// names (`WebDriver:ExecuteScript`, `WebDriver:ElementClick`, ...), plus Firefox's own
// (`Marionette:SetContext`, `Addon:Install`).
import net from "node:net";

export class MarionetteError extends Error {
  constructor(command, error) {
    super(`${command}: ${error.error}: ${error.message}`);
    this.code = error.error;
  }
}

export class Marionette {
  /** Connects to Marionette on `port` (127.0.0.1) and reads its greeting. */
  static async connect(port) {
    const socket = net.connect(port, "127.0.0.1");
    await new Promise((resolve, reject) => socket.once("connect", resolve).once("error", reject));
    const client = new Marionette(socket);
    await client.greeting;
    return client;
  }

  constructor(socket) {
    this.socket = socket;
    this.next = 1;
    this.waiting = new Map();
    this.buffer = Buffer.alloc(0);
    this.greeting = new Promise((resolve) => (this.onGreeting = resolve));
    socket.on("data", (chunk) => this.receive(chunk));
    socket.on("close", () => {
      for (const { reject } of this.waiting.values()) reject(new Error("Marionette connection closed"));
      this.waiting.clear();
    });
  }

  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(":");
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString());
      this.buffer = this.buffer.subarray(colon + 1 + length);
      if (!Array.isArray(message)) {
        this.onGreeting(message); // {applicationType, marionetteProtocol}
        continue;
      }
      const [, id, error, result] = message;
      const call = this.waiting.get(id);
      if (!call) continue;
      this.waiting.delete(id);
      if (error) call.reject(new MarionetteError(call.name, error));
      else call.resolve(result);
    }
  }

  /** Sends command `name` with `params`; resolves with its result or rejects with its error. */
  send(name, params = {}) {
    const id = this.next++;
    const body = Buffer.from(JSON.stringify([0, id, name, params]));
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { name, resolve, reject });
      this.socket.write(Buffer.concat([Buffer.from(`${body.length}:`), body]));
    });
  }

  /** The result's `value` (WebDriver's commands wrap their answer in one). */
  async value(name, params) {
    const result = await this.send(name, params);
    return result && typeof result === "object" && "value" in result ? result.value : result;
  }

  close() {
    this.socket.destroy();
  }
}
