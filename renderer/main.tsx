/** Renderer entry: mounts the React app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { z } from 'zod';
import { App } from './App';
import './styles.css';

// why: zod probes `new Function` to decide whether to compile its parsers; our CSP forbids eval, so every page
// logged two CSP violations. Without the probe zod parses the same way, only without generated code.
z.config({ jitless: true });

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
