import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { configOf, listedConfig, openQueryDb } from './cli-context.js';

/**
 * `mcp`: a Model Context Protocol server over stdio for AI assistants. Standard output carries
 * the protocol only; messages go to standard error. Ends when the client closes stdin, or on
 * SIGINT/SIGTERM.
 */
export function registerMcpVerb(program: Command): void {
  program.command('mcp')
    .description('a Model Context Protocol server over stdio (read-only tools list_sources, get_facts, get_history, get_change)')
    .action(async (_opts: unknown, command: Command) => {
      const config = configOf(command);
      if (config.database !== ':memory:' && !existsSync(config.database)) {
        // An assistant's config with a wrong path would otherwise just see an empty watch list.
        process.stderr.write(`policy-watch: warning: no database at ${config.database} yet; answering from an empty one (check --db)\n`);
      }
      const db = await openQueryDb(config, { create: true });
      // Loaded here: the SDK costs nothing to the other verbs.
      const [{ createMcpServer }, { StdioServerTransport }] = await Promise.all([
        import('./mcp-server.js'),
        import('@modelcontextprotocol/sdk/server/stdio.js'),
      ]);
      const server = createMcpServer(db, listedConfig(command, config));
      const transport = new StdioServerTransport();
      const closed = new Promise<void>((resolve) => {
        transport.onclose = () => resolve();
      });
      const stop = () => { void server.close(); };
      process.stdin.once('end', stop);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      try {
        await server.connect(transport);
        process.stderr.write(`policy-watch: MCP server ready on stdio (database ${config.database})\n`);
        await closed;
      } finally {
        process.stdin.off('end', stop);
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
        db.$client.close();
      }
    });
}
