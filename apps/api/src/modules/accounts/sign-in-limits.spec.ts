import { withoutStatementNames } from './sign-in-limits';

describe('withoutStatementNames', () => {
  it('sends the limiter’s statements unnamed, so no server connection must have prepared them', async () => {
    const sent: unknown[] = [];
    const pool = withoutStatementNames({
      query: async (config) => {
        sent.push(config);
        return { rows: [] };
      },
    });
    await pool.query({ name: 'rate_limits:rlflx-upsert', text: 'SELECT $1', values: [1] });
    expect(sent).toEqual([{ text: 'SELECT $1', values: [1] }]);
  });
});
