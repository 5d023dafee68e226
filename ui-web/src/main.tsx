import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startDashboardEarly } from './lib/earlyDashboard';
import './styles/tokens.css';
import './styles/app.css';

// The dashboard's code and data start now, beside the session check (decision 0213).
startDashboardEarly(window.location.pathname);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
