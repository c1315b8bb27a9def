export {
  collectPolicyTexts,
  detectPage,
  type PageState,
  type PasswordForm,
  readPasswordRulesAttr,
} from './detect';
export { isProbablyVisible } from './visibility';
