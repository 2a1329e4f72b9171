import express from 'express';
import { allowedMethods } from './allowed-methods';

describe('allowedMethods', () => {
  it("ignores a catch-all route such as the web app's index", () => {
    const app = express();
    app.get('/api/v1/things', (_request, response) => response.end());
    app.get('/{*any}', (_request, response) => response.end());
    app.get('*splat', (_request, response) => response.end());
    expect(allowedMethods(app, '/api/v1/things')).toEqual(['GET', 'HEAD']);
    expect(allowedMethods(app, '/api/v1/nothing-here')).toEqual([]);
  });
});
