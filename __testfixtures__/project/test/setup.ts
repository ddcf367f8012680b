import { vi } from 'vitest';

vi.mock('../src/common');
